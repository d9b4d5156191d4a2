package org.sysnerd.dockerlabs.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long a container's own PID 1 ran, told apart from its runtime's start by the daemon's {@code start} event:
 * {@code State.StartedAt} is taken before the runtime creates and starts the task on Docker 29 (moby's
 * {@code daemon/start.go}), the {@code start} event once it started, {@code State.FinishedAt} is the exit's own time.
 *
 * @param name       the container's name
 * @param startedAt  {@code State.StartedAt}
 * @param startEvent the daemon's {@code start} event of that start, or null when its log no longer holds it
 * @param finishedAt {@code State.FinishedAt}
 */
public record ContainerLife(String name, Instant startedAt, Instant startEvent, Instant finishedAt) {

    /** Its life from an exited container's inspect and the daemon's events about it (any order, any containers). */
    public static ContainerLife of(InspectedContainer container, List<ContainerEvent> events) {
        Instant start = events.stream().filter(e -> e.is(container.id(), "start"))
                .map(ContainerEvent::time).filter(t -> !t.isBefore(container.startedAt()))
                .min(Instant::compareTo).orElse(null);
        return new ContainerLife(container.name(), container.startedAt(), start, container.finishedAt());
    }

    /** True when the daemon's events told where its runtime's start ended. */
    public boolean measuredFromEvents() {
        return startEvent != null;
    }

    /**
     * How long its own process ran: from the {@code start} event to its exit, none when it ended before the daemon
     * logged its start; without that event, all of StartedAt to FinishedAt, the runtime's start included.
     */
    public Duration ownLife() {
        Duration life = Duration.between(measuredFromEvents() ? startEvent : startedAt, finishedAt);
        return life.isNegative() ? Duration.ZERO : life;
    }

    /** How long the runtime's create and start took as the daemon counts it (StartedAt to the {@code start} event). */
    public Duration runtimeStart() {
        return measuredFromEvents() ? Duration.between(startedAt, startEvent) : null;
    }

    @Override
    public String toString() {
        long onDaemonClock = Duration.between(startedAt, finishedAt).toMillis();
        if (!measuredFromEvents()) {
            return name + " ran " + onDaemonClock + " ms from StartedAt to FinishedAt, its runtime's start included "
                    + "(the daemon gave no start event of it: its log of recent events no longer holds it, or it refused its events)";
        }
        return name + ": its PID 1 ran " + ownLife().toMillis() + " ms (start event to FinishedAt)"
                + (startEvent.isAfter(finishedAt) ? ", ended " + Duration.between(finishedAt, startEvent).toMillis()
                        + " ms before the daemon logged its start" : "")
                + ", after its runtime's create and start took " + runtimeStart().toMillis()
                + " ms (StartedAt to the start event; " + onDaemonClock + " ms StartedAt to FinishedAt)";
    }
}
