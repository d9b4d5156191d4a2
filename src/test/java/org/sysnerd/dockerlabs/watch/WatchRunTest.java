package org.sysnerd.dockerlabs.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.parallel.Isolated;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.docker.ProcessOwner;
import org.sysnerd.dockerlabs.junit.NeedsDocker;
import org.sysnerd.dockerlabs.preflight.Need;

/**
 * The watch MUST draw the learner mode's board, check again on its timer, and end by itself within its limit leaving
 * no thread of its own and no container of the kit: run here for a few seconds on the daemon the suite uses (where
 * the labs fail, as no container has a page's name, unless a learner's state was made there).
 */
@DisplayName("The watch, for a bounded time")
@NeedsDocker(Need.DOCKER)
@Isolated("it runs every lab itself, again and again: beside other labs it would only measure the load")
class WatchRunTest {

    @Test
    @DisplayName("draws the board, checks again, and ends leaving no thread and no container")
    void draws_checks_again_and_ends_clean(TestReporter reporter) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path dir = Path.of(System.getProperty("labs.report.dir", "target"), "watch-run-test");
        long started = System.nanoTime();

        new Watch(new PrintStream(printed, true, StandardCharsets.UTF_8), true, Map.of("labs.watch.for", "6",
                "labs.watch.every", "1", "labs.report.dir", dir.toString())).watch();

        String board = printed.toString(StandardCharsets.UTF_8);
        reporter.publishEntry("board", board.lines().filter(l -> l.contains("labs passed") || l.startsWith("checked"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertThat(board).as("the board").contains("Docker labs · watching your own containers (learner mode)")
                .containsPattern("Q1  A container is just a host process +(FAILED|PASSED|BLOCKED) ")
                .containsPattern("(?m)^(\\d/6|All 6) labs passed · \\d+ of \\d+ points$").endsWith("docker-labs watch: ended\n");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the watch's time, 6 s asked")
                .isLessThan(Duration.ofSeconds(60));
        assertThat(Thread.getAllStackTraces().keySet()).as("threads left").noneMatch(t -> t.getName().startsWith("docker-labs-watch"));
        assertThat(new Engine().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LabRun.OWNER_LABEL, ProcessOwner.self().label())).exec()).as("containers of this JVM left")
                .isEmpty();
    }
}
