package org.sysnerd.dockerlabs.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workflow's planning step ({@code scripts/fleet-plan.sh}, which grade-fleet.yml runs and which cannot run here)
 * MUST plan no more jobs than its shard limit for any class size, put every VM in exactly one shard, and refuse a limit
 * that GitHub's matrix cannot hold (1 to 256 jobs).
 */
@DisplayName("Planning the shards of a class")
class FleetPlanTest {

    private static final Path SCRIPT = Path.of("scripts/fleet-plan.sh");

    @TempDir
    Path dir;

    @Test
    @DisplayName("a class of 600 VMs plans at most 20 jobs, each VM in exactly one")
    void plans_600_vms_into_at_most_20_jobs() throws Exception {
        Path list = classList(600);

        List<String> shards = shards(list, 20);

        assertThat(shards).as("the shards planned for 600 VMs with a limit of 20").hasSizeLessThanOrEqualTo(20).isNotEmpty();
        Map<String, Integer> seen = new HashMap<>();
        for (String shard : shards) {
            for (String line : run("slice", list.toString(), shard)) {
                seen.merge(line.split(" ")[0], 1, Integer::sum);
            }
        }
        assertThat(seen).as("how often each VM is in a shard").hasSize(600).allSatisfy((vm, times) -> assertThat(times)
                .as("shards holding %s", vm).isEqualTo(1));
    }

    @Test
    @DisplayName("a class smaller than the limit is one job per VM, comments and blank lines left out")
    void plans_a_small_class_one_job_per_vm() throws Exception {
        Path list = dir.resolve("small.txt");
        Files.writeString(list, "# the class\nvm1 unix:///var/run/docker.sock labvm@10.211.1.2\n\nvm2 tcp://10.211.2.2:2375 # a note\n");

        assertThat(shards(list, 20)).containsExactly("1/2", "2/2");
        assertThat(run("slice", list.toString(), "2/2")).containsExactly("vm2 tcp://10.211.2.2:2375");
        assertThat(run("names", list.toString())).containsExactly("vm1 vm2");
    }

    @ParameterizedTest(name = "a limit of \"{0}\"")
    @ValueSource(strings = {"0", "257", "1000", "-1", "abc", "", " 3", "1e3", "020", "99999999999999999999"})
    @DisplayName("refuses a limit that is not a whole number from 1 to 256 (GitHub's matrix limit), exiting 2")
    void refuses_a_limit_outside_the_matrix(String limit) throws Exception {
        Path list = classList(600);

        assertThat(exitStatus(list.toString(), limit)).as("fleet-plan.sh's exit status for a limit of '%s'", limit)
                .isEqualTo(2);
    }

    @Test
    @DisplayName("plans 256 jobs, GitHub's matrix limit, for 600 VMs and a limit of 256")
    void plans_up_to_the_matrix_limit() throws Exception {
        assertThat(shards(classList(600), 256)).hasSize(256).startsWith("1/256").endsWith("256/256");
    }

    private Path classList(int vms) throws IOException {
        Path list = dir.resolve("class.txt");
        List<String> lines = new ArrayList<>(List.of("# name DOCKER_HOST ssh target"));
        IntStream.rangeClosed(1, vms).forEach(i -> lines.add("vm" + i + " unix:///var/run/docker.sock labvm@vm" + i));
        Files.write(list, lines);
        return list;
    }

    private List<String> shards(Path list, int limit) throws Exception {
        String json = String.join("", run(list.toString(), String.valueOf(limit)));
        return Arrays.asList(JsonMapper.builder().build().readValue(json, String[].class));
    }

    private static int exitStatus(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("fleet-plan.sh ended within 30 s").isTrue();
        return process.exitValue();
    }

    private static List<String> run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("fleet-plan.sh ended within 30 s").isTrue();
        assertThat(process.exitValue()).as("fleet-plan.sh %s exit status", List.of(args)).isZero();
        return out.lines().toList();
    }
}
