package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.parse.EventsParser;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.parse.InspectParser;

/**
 * A container's own life MUST be told apart from its runtime's start: from the daemon's start event to FinishedAt, not
 * from StartedAt, which Docker 29 takes before the runtime creates and starts the task (issue 28). Recorded: the alpine
 * stand-in with no command and with {@code sleep 3}, on Docker 29.7.2 (idle and with both cores busy) and 20.10.
 */
@DisplayName("A container's life, from docker inspect and docker events")
public class ContainerLifeTest {

    /** The life of one recorded container ({@code inspect/ENGINE-q5-recorded.json}, {@code events/ENGINE-q5-recorded.jsonl}). */
    public static ContainerLife life(String engine, String name) {
        InspectedContainer container = InspectParser.containers(Fixtures.text("inspect/" + engine + "-q5-recorded.json"))
                .stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        return ContainerLife.of(container, EventsParser.containerEvents(Fixtures.text("events/" + engine + "-q5-recorded.jsonl")));
    }

    @Test
    @DisplayName("Docker 29.7.2, both cores busy: StartedAt to FinishedAt is 938 ms, all of it the runtime's start")
    void docker_29_loaded_shell_is_the_runtime() {
        ContainerLife life = life("docker-29.7.2", "h28k-rec-d29-gone-loaded-19087");

        assertThat(Duration.between(life.startedAt(), life.finishedAt()).toMillis()).isEqualTo(938);
        assertThat(life.runtimeStart().toMillis()).isEqualTo(947);
        assertThat(life.ownLife()).as("its shell ended 8 ms before the daemon logged its start").isZero();
    }

    @Test
    @DisplayName("Docker 29.7.2: sleep 3 runs about 3 s after the runtime's 1129 ms start, which is not counted")
    void docker_29_sleep_3_lives_three_seconds() {
        ContainerLife life = life("docker-29.7.2", "h28k-rec-d29-sleep3-18015");

        assertThat(life.ownLife().toMillis()).isBetween(2900L, 3100L);
        assertThat(life.runtimeStart().toMillis()).isEqualTo(1129);
    }

    @Test
    @DisplayName("Docker 20.10: StartedAt is taken after the runtime's start, and the shell's PID 1 runs 9 ms")
    void docker_20_10_shell() {
        ContainerLife life = life("docker-20.10", "h28k-rec-d20-gone-1776");

        assertThat(life.runtimeStart().toMillis()).isEqualTo(4);
        assertThat(life.ownLife().toMillis()).isEqualTo(9);
    }

    @Test
    @DisplayName("Docker 20.10: sleep 3 runs about 3 s")
    void docker_20_10_sleep_3() {
        assertThat(life("docker-20.10", "h28k-rec-d20-sleep3-7560").ownLife().toMillis()).isBetween(2900L, 3100L);
    }

    @Test
    @DisplayName("with no start event left in the daemon's log, its life is StartedAt to FinishedAt, and it says so")
    void without_events_counts_from_started_at() {
        InspectedContainer gone = InspectParser.containers(Fixtures.text("inspect/docker-29.7.2-q5-recorded.json")).get(0);
        ContainerLife life = ContainerLife.of(gone, java.util.List.of());

        assertThat(life.ownLife()).isEqualTo(gone.ranFor());
        assertThat(life.toString()).contains("its runtime's start included");
    }
}
