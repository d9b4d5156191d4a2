package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.junit.NeedsDocker;
import org.sysnerd.dockerlabs.parse.Fixtures;

/**
 * The sweeper MUST remove a container of the suite once its owner is gone and MUST keep one whose owner lives.
 * Every container this test makes carries the suite's real label ({@code org.sysnerd.docker-labs=true}) and this
 * JVM as its owner, so that a run killed mid-test leaves nothing the next run's sweeper cannot see; while this JVM
 * lives, no other sweeper (this run's preflight, a concurrent suite's) touches it. The decision is a pure function,
 * checked on containers as the daemon recorded them; the sweep itself on one real container, scoped to this run.
 */
@DisplayName("The sweeper")
class SweeperTest {

    private static final Instant RECORDED = Instant.parse("2026-12-03T08:48:59.045Z");
    /** The host the recorded owner labels name as this one. */
    private static final String RECORDED_HOST = "vm";
    /** The recorded live owner (PID 1 of that host); the recorded dead one is PID 999999. */
    private static final Predicate<ProcessOwner> ONLY_PID_1_LIVES = owner -> owner.pid() == 1;

    @Nested
    @DisplayName("judges from the owner label and the age (docker ps -a, recorded)")
    class Judging {

        @Test
        @DisplayName("keeps a container whose owner, a process of this host, lives")
        void keeps_a_live_owners_container() {
            assertThat(orphan("live", RECORDED.plusSeconds(5))).as("docker-labs-sweeper-live-…, owner vm/1/…").isFalse();
        }

        @Test
        @DisplayName("removes a container whose owner, a process of this host, is gone, however young")
        void removes_a_dead_owners_container() {
            assertThat(orphan("dead", RECORDED.plusSeconds(5))).as("docker-labs-sweeper-dead-…, owner vm/999999/…").isTrue();
        }

        @Test
        @DisplayName("keeps another host's container for an hour, then removes it")
        void waits_an_hour_for_another_hosts_container() {
            assertThat(orphan("elsewhere", RECORDED.plus(Duration.ofMinutes(59)))).as("59 minutes old").isFalse();
            assertThat(orphan("elsewhere", RECORDED.plus(Duration.ofMinutes(61)))).as("61 minutes old").isTrue();
        }

        @Test
        @DisplayName("treats an owner label it cannot read as another host's")
        void waits_an_hour_for_an_unreadable_owner() {
            assertThat(orphan("unowned", RECORDED.plus(Duration.ofMinutes(59)))).as("59 minutes old").isFalse();
            assertThat(orphan("unowned", RECORDED.plus(Duration.ofMinutes(61)))).as("61 minutes old").isTrue();
        }

        private boolean orphan(String role, Instant now) {
            return Sweeper.isOrphan(recorded(role), now, RECORDED_HOST, ONLY_PID_1_LIVES);
        }

        /** One of the four containers of {@code ps/sweeper-candidates-recorded.json}, by its role in the name. */
        private Sweeper.Leftover recorded(String role) {
            try {
                // As docker-java reads the daemon's answer: fields it does not model (a newer API's) are left out.
                Container[] listed = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(Fixtures.text("ps/sweeper-candidates-recorded.json"),
                        Container[].class);
                return Arrays.stream(listed).map(Sweeper.Leftover::of)
                        .filter(c -> c.name().startsWith("docker-labs-sweeper-" + role + "-")).findFirst().orElseThrow();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the fixture ps/sweeper-candidates-recorded.json is not docker ps JSON", e);
            }
        }
    }

    @Nested
    @DisplayName("knows a live owner from a gone one")
    class Owners {

        @Test
        @DisplayName("this JVM lives")
        void this_jvm_lives() {
            assertThat(ProcessOwner.self().isAliveHere()).as("ProcessOwner.self() %s", ProcessOwner.self()).isTrue();
        }

        @Test
        @DisplayName("a process that exited is gone, and so is its PID started at another time")
        void an_exited_process_is_gone() throws Exception {
            Process process = new ProcessBuilder("sleep", "60").start();
            ProcessOwner owner = new ProcessOwner(ProcessOwner.thisHost(), process.pid(),
                    process.info().startInstant().orElseThrow().toEpochMilli());
            ProcessOwner reused = new ProcessOwner(owner.host(), owner.pid(), owner.startMillis() - 60_000);
            assertThat(reused.isAliveHere()).as("PID %d, started a minute before it did", owner.pid()).isFalse();
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("sleep exits when killed").isTrue();
            assertThat(owner.isAliveHere()).as("the exited sleep %s", owner).isFalse();
        }
    }

    @Nested
    @DisplayName("on the daemon")
    // Needs a daemon: skipped, saying so, where there is none (the labs then report "blocked").
    @NeedsDocker
    class OnTheDaemon {

        private final DockerClient client = new Engine().client();
        /** The run these containers belong to: one of this test's own. */
        private final LabRun run = new LabRun();
        /** This test's containers only: this run's, of the lab "sweeper". */
        private final Map<String, String> scope = Map.of(LabRun.RUN_LABEL, run.id(), LabRun.LAB_LABEL, "sweeper");
        private String id;

        @Test
        @DisplayName("keeps a container of the suite while its owner lives, and removes it, saying so, once it is gone")
        void keeps_then_removes() {
            id = create();

            assertThat(Sweeper.removeOrphans(client, scope, ProcessOwner::isAliveHere))
                    .as("what a sweep removes while the owner (this JVM) lives").isEmpty();
            assertThat(exists(id)).as("the live owner's container %s, after that sweep", id).isTrue();

            // As the next run sees it once this JVM is gone (after a kill -9, its real sweep does exactly this).
            assertThat(Sweeper.removeOrphans(client, scope, owner -> false))
                    .as("what a sweep removes once the owner is gone").singleElement().asString().contains(id.substring(0, 12));
            assertThat(exists(id)).as("the container %s, after that sweep", id).isFalse();
        }

        @AfterEach
        void removeWhatIsLeft() {
            if (id != null && exists(id)) {
                client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            }
        }

        /** A container as a run leaves it, created but not started, with the suite's real labels and this JVM as owner. */
        private String create() {
            return client.createContainerCmd(LabImage.ALPINE.resolved().asCanonicalNameString())
                    .withName(run.containerName("sweeper", "kept")).withLabels(run.labels("sweeper"))
                    .withCmd("sleep", "60").exec().getId();
        }

        private boolean exists(String container) {
            try {
                client.inspectContainerCmd(container).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        }
    }
}
