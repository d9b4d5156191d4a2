package org.sysnerd.dockerlabs.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One grader JVM MUST grade each VM against that VM's own daemon address ({@code labs.docker.host}), never the JVM's
 * DOCKER_HOST, write each VM's report in its own directory, and bound each VM's run by its own limit. VMs with no
 * daemon behind their address are used: their runs are short and touch no daemon.
 */
@DisplayName("Grading several VMs in one JVM")
class FleetGraderTest {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    @DisplayName("gives two VMs at once a report each, each naming that VM's own daemon address")
    void grades_each_vm_at_its_own_address() throws Exception {
        FleetGrader.Vm alice = vm("alice");
        FleetGrader.Vm bob = vm("bob");

        CompletableFuture<FleetGrader.Outcome> one = FleetGrader.grade(alice, dir.resolve("alice"), "learner", LIMIT);
        CompletableFuture<FleetGrader.Outcome> other = FleetGrader.grade(bob, dir.resolve("bob"), "learner", LIMIT);

        for (FleetGrader.Outcome outcome : new FleetGrader.Outcome[] {one.join(), other.join()}) {
            String report = Files.readString(dir.resolve(outcome.vm().name()).resolve("labs-report.json"));
            assertThat(outcome.status()).as("%s's fleet status", outcome.vm().name()).isEmpty();
            assertThat(report).as("%s's report", outcome.vm().name()).contains(outcome.vm().dockerHost())
                    .contains("\"passed\" : 0");
        }
        assertThat(Files.readString(dir.resolve("alice/labs-report.json"))).doesNotContain(bob.dockerHost());
    }

    @Test
    @DisplayName("stops a VM at its own limit and says so, while another VM's run goes on to its report")
    void a_vm_over_its_limit_blocks_only_itself() throws Exception {
        // Not in the temporary directory: the run stopped at its limit may still write there after the test.
        Path slowDir = Path.of(System.getProperty("labs.report.dir", "target"), "fleet-grader-test", "slow");
        CompletableFuture<FleetGrader.Outcome> slow = FleetGrader.grade(vm("slow"), slowDir, "learner", Duration.ZERO);
        CompletableFuture<FleetGrader.Outcome> other = FleetGrader.grade(vm("other"), dir.resolve("other"), "learner", LIMIT);

        assertThat(slow.join().status()).as("the status of the VM over its limit").startsWith("timed out after 0 s");
        assertThat(Files.readString(slowDir.resolve("fleet-status.txt"))).startsWith("timed out");
        assertThat(other.join().status()).as("the other VM's status").isEmpty();
        assertThat(dir.resolve("other/labs-report.json")).exists();
    }

    private FleetGrader.Vm vm(String name) {
        return new FleetGrader.Vm(name, "unix://" + dir.resolve(name + "-no-daemon.sock"));
    }
}
