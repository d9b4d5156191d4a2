package org.sysnerd.dockerlabs.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.preflight.Need;

/**
 * The labs MUST run more than once in one JVM (a watch that checks again, a grader of many VMs), each run with a
 * report of its own: its own id, every lab passed in the spec mode, and no container of it left behind.
 */
@DisplayName("Runs of the labs in one JVM")
@NeedsDocker({Need.DOCKER, Need.NGINX_IMAGE, Need.ALPINE_IMAGE})
@Isolated("it runs every lab itself, twice: beside other labs it would only measure the load")
class RunsInOneJvmTest {

    private static final Path RUNS = Path.of(System.getProperty("labs.report.dir", "target"), "runs-in-one-jvm");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The test's own client of the daemon, to see what the runs left. */
    private static final Engine ENGINE = new Engine();

    @Test
    @DisplayName("one after another, give two independent reports, each with every lab passed")
    void one_after_another(TestReporter reporter) throws IOException {
        JsonNode first = labs(RUNS.resolve("first"));
        JsonNode second = labs(RUNS.resolve("second"));

        assertIndependentAndPassed(first, second);
        reporter.publishEntry("runs", first.path("runId").asText() + " then " + second.path("runId").asText());
    }

    @Test
    @DisplayName("twice at once, give two independent reports, each with every lab passed")
    void twice_at_once(TestReporter reporter) throws IOException {
        CompletableFuture<JsonNode> one = CompletableFuture.supplyAsync(() -> labsUnchecked(RUNS.resolve("one")));
        CompletableFuture<JsonNode> other = CompletableFuture.supplyAsync(() -> labsUnchecked(RUNS.resolve("other")));

        assertIndependentAndPassed(one.join(), other.join());
        reporter.publishEntry("runs", one.join().path("runId").asText() + " beside " + other.join().path("runId").asText());
    }

    private static void assertIndependentAndPassed(JsonNode one, JsonNode other) {
        for (JsonNode report : List.of(one, other)) {
            assertThat(report.path("passed").asInt()).as("labs passed in run %s", report.path("runId").asText())
                    .isEqualTo(report.path("total").asInt()).isPositive();
            assertThat(leftBehind(report.path("runId").asText())).as("containers of run %s after it",
                    report.path("runId").asText()).isEmpty();
        }
        assertThat(one.path("runId").asText()).as("the two runs' ids").isNotEqualTo(other.path("runId").asText());
    }

    /** Runs every lab through the JUnit Platform's launcher, in the spec mode, and reads the report it wrote. */
    private static JsonNode labs(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("labs-report.json"));
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.sysnerd.dockerlabs.labs"))
                .filters(includeClassNamePatterns(".*\\.Q\\d\\w*Test"))
                .configurationParameters(Map.of("labs.mode", "spec", "labs.report.dir", dir.toString(),
                        "labs.report.summary", ""))
                .build());
        return JSON.readTree(Files.readString(dir.resolve("labs-report.json")));
    }

    private static JsonNode labsUnchecked(Path dir) {
        try {
            return labs(dir);
        } catch (IOException e) {
            throw new IllegalStateException("no report in " + dir, e);
        }
    }

    private static List<String> leftBehind(String runId) {
        return ENGINE.client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LabRun.RUN_LABEL, runId))
                .exec().stream().map(container -> String.join(",", container.getNames())).toList();
    }
}
