package org.sysnerd.dockerlabs.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.facts.HostProcess;
import org.sysnerd.dockerlabs.facts.NetNamespace;
import org.sysnerd.dockerlabs.facts.Pid1;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.subject.ForegroundProcess;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.facts.ContainerLife;
import org.sysnerd.dockerlabs.facts.ContainerLifeTest;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.parse.InspectParser;

@DisplayName("A container's lessons (Q5, Q6): its reasons chosen from recorded docker inspect outputs")
class ContainerAssertTest {

    private static final List<String> ALPINE_DEFAULT = List.of("/bin/sh");

    private static Map<String, InspectedContainer> state(String fixture) {
        return InspectParser.containers(Fixtures.text("inspect/" + fixture)).stream()
                .collect(Collectors.toMap(InspectedContainer::name, Function.identity()));
    }

    @Test
    @DisplayName("stayup started without a command: it ran the image's default, which needs a foreground process")
    void stayup_without_a_command() {
        InspectedContainer stayup = state("learner-stayup-without-command-recorded.json").get("stayup");

        assertThat(ContainerAssert.whyNotUp(stayup, ALPINE_DEFAULT)).startsWith("it ran the image's default command [/bin/sh], which "
                + "exits at once without a terminal: give it a foreground process");
    }

    @Test
    @DisplayName("gone whose PID 1 ran long with exit code 0: not stopped by hand (that is 137), an open stdin, the runtime's start not counted")
    void gone_that_ran_long() {
        ContainerLife life = ContainerLifeTest.life("docker-29.7.2", "h28k-rec-d29-sleep3-18015");

        assertThat(ContainerLifeAssert.whyRanLong(life)).startsWith("it ended by itself (exit code 0), but its own PID 1 ran "
                + life.ownLife().toMillis() + " ms after its runtime started it").contains("docker run -i or -t",
                        "the runtime's start, " + life.runtimeStart().toMillis() + " ms, is not counted").doesNotContain("by hand");
    }

    @Test
    @DisplayName("gone that ran long, its start event no longer in the daemon's log: the time counts the runtime's start, LABS_TIME_SCALE")
    void gone_that_ran_long_without_events() {
        InspectedContainer gone = state("learner-done-recorded.json").get("gone");
        ContainerLife life = ContainerLife.of(gone, List.of());

        assertThat(ContainerLifeAssert.whyRanLong(life)).startsWith("it ended by itself (exit code 0), but " + life.ownLife().toMillis()
                + " ms after the daemon marked it started, which counts its runtime's start too").contains("LABS_TIME_SCALE");
    }

    @Test
    @DisplayName("stayup whose own command ended: points at its logs")
    void stayup_whose_command_ended() {
        InspectedContainer stayup = state("learner-done-recorded.json").get("stayup");

        assertThat(ContainerAssert.whyNotUp(stayup, ALPINE_DEFAULT)).isEqualTo("its PID 1 (sleep 1000) ended: see docker logs stayup");
    }

    @Test
    @DisplayName("gone still running, given a command: names the command")
    void gone_still_running() {
        InspectedContainer running = state("learner-done-recorded.json").get("stayup");

        assertThat(ContainerAssert.whyNotExited(running)).startsWith("it is still running [sleep, 1000]: its PID 1 never ended");
        assertThat(ContainerAssert.whyNotDefault(running)).startsWith("it was given the command [sleep, 1000]");
    }

    @Test
    @DisplayName("gone with a non-zero exit code: failed, not ended; 137 is a kill")
    void gone_failed() {
        InspectedContainer gone = state("learner-done-recorded.json").get("gone");
        InspectedContainer killed = new InspectedContainer(gone.id(), gone.name(), gone.image(), gone.imageId(),
                new org.sysnerd.dockerlabs.facts.ContainerState("exited", 137, 0), gone.startedAt(), gone.finishedAt(),
                false, 0, gone.command(), List.of(), List.of(), 0, 0, Map.of(), Map.of());

        assertThat(ContainerAssert.whyFailed(killed)).isEqualTo("its PID 1 failed (exit code 137) rather than ended: killed, by docker "
                + "stop/kill or the OOM killer: see docker logs gone");
    }

    @Test
    @DisplayName("gone or stayup created but never started (docker create): says docker start")
    void never_started() {
        InspectedContainer gone = state("learner-done-recorded.json").get("gone");
        InspectedContainer created = new InspectedContainer(gone.id(), gone.name(), gone.image(), gone.imageId(),
                new org.sysnerd.dockerlabs.facts.ContainerState("created", 0, 0), null, null, false, 0, gone.command(),
                List.of(), List.of(), 0, 0, Map.of(), Map.of());

        assertThat(ContainerAssert.whyNotExited(created)).startsWith("it was created but never started").endsWith("docker start gone");
        assertThat(ContainerAssert.whyNotUp(created, ALPINE_DEFAULT)).startsWith("it was created but never started");
    }

    @Test
    @DisplayName("stayup paused: says docker unpause")
    void stayup_paused() {
        InspectedContainer paused = state("learner-variants-recorded.json").get("h26-webp");

        assertThat(ContainerAssert.whyNotUp(paused, ALPINE_DEFAULT)).endsWith("docker unpause h26-webp");
    }

    private static ContainerAssert container(InspectedContainer container, Duration patience) {
        return new ContainerAssert(container.name(), new ContainerAssert.Reads(() -> container,
                () -> new Seen<>(container.state(), "docker ps -a --filter name=^" + container.name() + "$"),
                () -> Duration.ofSeconds(60), () -> ALPINE_DEFAULT, limit -> patience));
    }

    @Test
    @DisplayName("gone given a command: fails on the image's default, naming the command it was given")
    void not_the_default_command() {
        InspectedContainer running = state("learner-done-recorded.json").get("stayup");

        LabFailure lesson = Lesson.of(() -> container(running, Duration.ZERO).runsTheImagesDefault(ALPINE_DEFAULT));
        assertThat(lesson.expected()).isEqualTo("its command to be the image's default [/bin/sh]");
        assertThat(lesson.why()).startsWith("it was given the command [sleep, 1000]");
        assertThat(lesson.command()).isEqualTo("docker inspect -f '{{json .Config.Cmd}}' stayup");
    }

    @Test
    @DisplayName("the learner's gone still running, looked at once: fails with why its PID 1 never ended")
    void still_running_looked_at_once() {
        InspectedContainer running = state("learner-done-recorded.json").get("stayup");

        LabFailure lesson = Lesson.of(() -> container(running, Duration.ZERO).exitsWithCode0("docker run alpine", Duration.ofSeconds(5)));
        assertThat(lesson.expected()).isEqualTo("the container to have exited (its PID 1, sh, has no terminal)");
        assertThat(lesson.why()).startsWith("it is still running [sleep, 1000]");
        assertThat(lesson.command()).isEqualTo("docker ps -a --filter name=^stayup$");
    }

    @Test
    @DisplayName("the page's gone exited with code 0 holds; killed (137) fails with why")
    void exit_code() {
        InspectedContainer gone = state("learner-done-recorded.json").get("gone");
        InspectedContainer killed = new InspectedContainer(gone.id(), gone.name(), gone.image(), gone.imageId(),
                new org.sysnerd.dockerlabs.facts.ContainerState("exited", 137, 0), gone.startedAt(), gone.finishedAt(),
                false, 0, gone.command(), List.of(), List.of(), 0, 0, Map.of(), Map.of());

        assertThat(container(gone, Duration.ZERO).exitsWithCode0("docker run alpine", Duration.ofSeconds(5))).isEqualTo(gone);
        LabFailure lesson = Lesson.of(() -> container(killed, Duration.ZERO).exitsWithCode0("docker run alpine", Duration.ofSeconds(5)));
        assertThat(lesson.expected()).isEqualTo("exit code 0");
        assertThat(lesson.why()).contains("killed, by docker stop/kill or the OOM killer");
    }

    @Test
    @DisplayName("a stayup that exited is not waited for: the wait fails fast with its lesson, long before its limit")
    void exited_stayup_fails_fast() {
        InspectedContainer nocmd = state("learner-stayup-without-command-recorded.json").get("stayup");
        long started = System.nanoTime();

        LabFailure lesson = Lesson.of(() -> container(nocmd, Duration.ofSeconds(30)).staysUp("docker run -d alpine sleep 1000",
                Duration.ofMillis(500)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(lesson.expected()).isEqualTo("the container to be running");
        assertThat(lesson.why()).startsWith("it ran the image's default command [/bin/sh], which exits at once");
    }

    @Test
    @DisplayName("a PID 1 that ran long fails on the instant exit, with why")
    void ran_long() {
        ContainerLife life = ContainerLifeTest.life("docker-29.7.2", "h28k-rec-d29-sleep3-18015");

        LabFailure lesson = Lesson.of(() -> ContainerLifeAssert.assertThat(new Seen<>(life, "docker events")).endedWithin(
                Duration.ofSeconds(2)));
        assertThat(lesson.expected()).isEqualTo("its PID 1 to have ended within 2000 ms of the runtime starting it");
        assertThat(lesson.why()).startsWith("it ended by itself (exit code 0), but its own PID 1 ran");
    }

    @Test
    @DisplayName("Q1's process, namespace and PID 1 facts: each fails with its own expected text, and why where known")
    void q1_facts() {
        Seen<HostProcess> tail = new Seen<>(new HostProcess(4242, "tail -f /dev/null"), "ps -o pid,args -p 4242");
        Seen<NetNamespace> host = new Seen<>(new NetNamespace(4026531833L), "sudo ls -l /proc/1/ns/net");
        Seen<Pid1> inside = new Seen<>(new Pid1("nginx", new NetNamespace(4026532183L)), "docker exec web sh -c '...'");

        assertThat(Lesson.of(() -> HostProcessAssert.assertThat(tail).runs("nginx")).expected()).isEqualTo("the PID to run nginx");
        assertThat(Lesson.of(() -> NetNamespaceAssert.assertThat(host).isNotTheHosts(host)).why())
                .isEqualTo("the container shares the host's network: was it run with --network host?");
        Pid1Assert.assertThat(inside).runs("nginx").isInTheNamespaceTheHostSeesFor(4242,
                new Seen<>(new NetNamespace(4026532183L), "sudo ls -l /proc/4242/ns/net"));
        assertThat(Lesson.of(() -> Pid1Assert.assertThat(inside).isInTheNamespaceTheHostSeesFor(4242, host)).expected())
                .startsWith("PID 1's net namespace to be the one the host sees for PID 4242");
    }

    @Test
    @DisplayName("stayup whose PID 1 is not the command it was given: fails asking whether it was started again")
    void not_the_given_foreground_process() {
        Map<String, InspectedContainer> variants = state("learner-variants-recorded.json");
        ForegroundProcess tail = new ForegroundProcess(variants.get("h26-stayup-tail"), ALPINE_DEFAULT);

        LabFailure lesson = Lesson.of(() -> HostProcessAssert.assertThat(new Seen<>(new HostProcess(4242, "nginx"),
                "ps -o pid,args -p 4242")).isAForegroundProcessGiven(tail));
        assertThat(lesson.why()).startsWith("its PID 1 is nginx, which is not the command it was given [tail, -f, /dev/null]");
    }
}
