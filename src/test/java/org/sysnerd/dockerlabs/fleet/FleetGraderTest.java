package org.sysnerd.dockerlabs.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One grader JVM MUST grade each VM against that VM's own daemon address ({@code labs.docker.host}), never the JVM's
 * DOCKER_HOST, write each VM's report in its own directory, and bound each VM's run by its own limit; a run over its
 * limit MUST keep its slot until its thread ends and MUST NOT have its late report graded. VMs with no daemon behind
 * their address are used: their runs are short and touch no daemon.
 */
@DisplayName("Grading several VMs in one JVM")
class FleetGraderTest {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final String REPORT = "{\"labs\" : [ ], \"passed\" : 1, \"total\" : 1}";

    @TempDir
    Path dir;

    private final LauncherSession session = LauncherFactory.openSession(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false).build());

    @AfterEach
    void closeSession() {
        session.close();
    }

    @Test
    @DisplayName("gives three VMs of one launcher session a run each at its own address, and arms one exit guard")
    void grades_each_vm_at_its_own_address_in_one_session() throws Exception {
        FleetGrader.Outcome first = labs(vm("alice"), LIMIT).outcome().join();
        Object guard = session.getStore().get(Namespace.GLOBAL, Class.forName("org.sysnerd.dockerlabs.junit.ExitGuard"));
        List<FleetGrader.Grading> atOnce = List.of(labs(vm("bob"), LIMIT), labs(vm("carol"), LIMIT));

        List<FleetGrader.Outcome> outcomes = Stream.concat(Stream.of(first), atOnce.stream().map(g -> g.outcome().join()))
                .toList();

        assertThat(guard).as("the exit guard the session's first run armed").isNotNull();
        assertThat(session.getStore().get(Namespace.GLOBAL, guard.getClass())).as("the session's exit guard after "
                + "three runs").isSameAs(guard);
        for (FleetGrader.Outcome outcome : outcomes) {
            String report = Files.readString(dir.resolve(outcome.vm().name()).resolve("labs-report.json"));
            assertThat(outcome.status()).as("%s's fleet status", outcome.vm().name()).isEmpty();
            assertThat(report).as("%s's report", outcome.vm().name()).contains(outcome.vm().dockerHost())
                    .contains("\"passed\" : 0");
        }
        assertThat(Files.readString(dir.resolve("alice/labs-report.json"))).doesNotContain(vm("bob").dockerHost());
        assertThat(outcomes.stream().map(o -> runId(dir.resolve(o.vm().name())))).as("the runs' ids").doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("stops a VM at its own limit and says so, while another VM's run goes on to its report")
    void a_vm_over_its_limit_blocks_only_itself() throws Exception {
        FleetGrader.Grading slow = labs(vm("slow"), Duration.ZERO);
        FleetGrader.Grading other = labs(vm("other"), LIMIT);

        assertThat(slow.outcome().join().status()).as("the status of the VM over its limit").startsWith("timed out after 0 s");
        assertThat(Files.readString(dir.resolve("slow/fleet-status.txt"))).startsWith("timed out");
        assertThat(other.outcome().join().status()).as("the other VM's status").isEmpty();
        assertThat(dir.resolve("other/labs-report.json")).exists();
        slow.ended().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(dir.resolve("slow/labs-report.json")).as("the late report of the VM over its limit").doesNotExist();
    }

    @Test
    @DisplayName("keeps a timed-out run's slot until its thread ends, and leaves its late report out of the VM's files")
    void a_hung_run_keeps_its_slot_and_its_late_report_is_not_graded() throws Exception {
        CountDownLatch hangs = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        Map<String, FleetGrader.Grading> gradings = new ConcurrentHashMap<>();
        FleetGrader.Run hung = reportDir -> {
            awaitDeafToInterrupts(hangs); // as a run stuck in a read that an interrupt does not end
            Files.writeString(reportDir.resolve("labs-report.json"), REPORT); // after its limit
        };
        FleetGrader.Run quick = reportDir -> {
            secondStarted.countDown();
            Files.writeString(reportDir.resolve("labs-report.json"), REPORT);
        };

        CompletableFuture<List<CompletableFuture<FleetGrader.Outcome>>> all = CompletableFuture.supplyAsync(() -> {
            try {
                return FleetGrader.gradeAll(List.of(vm("hung"), vm("next")), 1, vm -> gradings.computeIfAbsent(vm.name(),
                        name -> grading(vm, "hung".equals(name) ? Duration.ZERO : LIMIT, "hung".equals(name) ? hung : quick)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        await("the first VM's grading").atMost(LIMIT).until(() -> gradings.containsKey("hung"));
        assertThat(gradings.get("hung").outcome().join().status()).startsWith("timed out");
        assertThat(secondStarted.await(800, TimeUnit.MILLISECONDS)).as("the second VM started while the first one's "
                + "run, over its limit, still holds the only slot").isFalse();
        hangs.countDown();
        all.get(LIMIT.toSeconds(), TimeUnit.SECONDS).forEach(CompletableFuture::join);
        gradings.get("hung").ended().join();
        assertThat(dir.resolve("hung/labs-report.json")).as("the hung VM's late report").doesNotExist();
        assertThat(dir.resolve("hung/fleet-status.txt")).content().startsWith("timed out");
        assertThat(gradings.get("next").outcome().join().board()).isEqualTo("all 1/1 labs passed");
    }

    private static void awaitDeafToInterrupts(CountDownLatch latch) {
        boolean done = false;
        while (!done) {
            try {
                done = latch.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException asked) {
                // ignored on purpose: the grader's interrupt at the limit is only a request
            }
        }
    }

    private FleetGrader.Grading labs(FleetGrader.Vm vm, Duration limit) throws Exception {
        return FleetGrader.grade(vm, dir.resolve(vm.name()), limit, FleetGrader.labs(session.getLauncher(), vm, "learner"));
    }

    private FleetGrader.Grading grading(FleetGrader.Vm vm, Duration limit, FleetGrader.Run run) {
        try {
            return FleetGrader.grade(vm, dir.resolve(vm.name()), limit, run);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String runId(Path vmDir) {
        try {
            return Files.readString(vmDir.resolve("labs-report.json")).replaceAll("(?s).*\"runId\" : \"([^\"]*)\".*", "$1");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private FleetGrader.Vm vm(String name) {
        return new FleetGrader.Vm(name, "unix://" + dir.resolve(name + "-no-daemon.sock"));
    }
}
