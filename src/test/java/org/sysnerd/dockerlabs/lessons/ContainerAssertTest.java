package org.sysnerd.dockerlabs.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
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
}
