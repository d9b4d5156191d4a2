package org.sysnerd.dockerlabs.lessons;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;
import org.sysnerd.dockerlabs.assertions.SeenAssert;
import org.sysnerd.dockerlabs.assertions.Waits;
import org.sysnerd.dockerlabs.facts.ContainerState;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.subject.Setting;
import org.sysnerd.dockerlabs.subject.Subject;

/**
 * A container's life as {@code docker inspect} shows it (Q5: the image's default command, the instant exit, a container
 * that stays up; Q6: no restart). Each fact is read afresh when it is asked, as the lab would run the command again;
 * the reasons are chosen from what {@code docker inspect} shows, with the names a course set ({@link Setting}).
 */
public final class ContainerAssert extends AbstractAssert<ContainerAssert, String> {

    /** How the container is read: a fresh inspect, its state, its uptime, its image's command, its patience. */
    record Reads(Supplier<InspectedContainer> inspect, Supplier<Seen<ContainerState>> state, Supplier<Duration> uptime,
                 Supplier<List<String>> imageCommand, Function<Duration, Duration> patience) {
    }

    private final Reads reads;

    ContainerAssert(String name, Reads reads) {
        super(name, ContainerAssert.class);
        this.reads = reads;
    }

    public static ContainerAssert assertThat(Subject container) {
        return new ContainerAssert(container.name(), new Reads(container::inspect, container::state, container::uptime,
                container::imageCommand, container::patience));
    }

    /** It was run with no command: it runs the image's default. */
    public ContainerAssert runsTheImagesDefault(List<String> imageDefault) {
        SeenAssert.assertThat(new Seen<>(reads.inspect().get(), "docker inspect -f '{{json .Config.Cmd}}' " + actual))
                .is("its command to be the image's default " + imageDefault, c -> c.command().equals(imageDefault),
                        ContainerAssert::whyNotDefault);
        return this;
    }

    /**
     * It exits (waiting up to {@code limit} for the suite's own; the learner's is graded as it is), with exit code 0.
     * Waiting is pointless for a container that was never started. Returns what {@code docker inspect} showed then.
     */
    public InspectedContainer exitsWithCode0(String run, Duration limit) {
        String exited = "the container to have exited (its PID 1, sh, has no terminal)";
        Waits.until("container " + actual + " (" + run + ") to exit", reads.patience().apply(limit),
                () -> SeenAssert.assertThat(reads.state().get()).is(exited, ContainerState::exited,
                        state -> whyNotExited(reads.inspect().get())),
                () -> SeenAssert.assertThat(reads.state().get()).is(exited, state -> !state.neverStarted(),
                        state -> whyNotExited(reads.inspect().get())));
        Seen<InspectedContainer> seen = new Seen<>(reads.inspect().get(), "docker inspect -f '{{.State.ExitCode}}' " + actual);
        SeenAssert.assertThat(seen).is("exit code 0", c -> c.state().exitCode() == 0, ContainerAssert::whyFailed);
        return seen.value();
    }

    /**
     * It is running {@code atLeast} after its start (waiting up to a second more for the suite's own). Waiting is
     * pointless once it has exited: nothing starts it again.
     */
    public ContainerAssert staysUp(String run, Duration atLeast) {
        String running = "the container to be running";
        Waits.until("container " + actual + " (" + run + ") to be up " + atLeast.toMillis() + " ms after its start",
                reads.patience().apply(atLeast.plusSeconds(1)), () -> {
                    Duration up = reads.uptime().get();
                    SeenAssert.assertThat(reads.state().get()).is(running, ContainerState::running,
                            state -> whyNotUp(reads.inspect().get(), reads.imageCommand().get()));
                    SeenAssert.assertThat(new Seen<>(up, "docker inspect -f '{{.State.StartedAt}}' " + actual))
                            .is("to be up " + atLeast.toMillis() + " ms after its start", u -> u.compareTo(atLeast) >= 0);
                }, () -> SeenAssert.assertThat(reads.state().get()).is(running, state -> !state.exited(),
                        state -> whyNotUp(reads.inspect().get(), reads.imageCommand().get())));
        return this;
    }

    /** Its start time is the one seen before: it was not restarted (as {@code docker update} must not). */
    public ContainerAssert wasNotRestartedSince(Instant startedAt) {
        SeenAssert.assertThat(new Seen<>(reads.inspect().get().startedAt(), "docker inspect -f '{{.State.StartedAt}}' "
                + actual)).is("State.StartedAt " + startedAt + " as before: a restart would change it", startedAt::equals);
        return this;
    }

    /** Why a container that should stay up is not running. */
    static String whyNotUp(InspectedContainer container, List<String> imageCommand) {
        if (container.state().neverStarted()) {
            return neverStarted(container);
        }
        if ("paused".equals(container.state().status())) {
            return "it is paused (docker pause froze its processes): docker unpause " + container.name();
        }
        return container.command().isEmpty() || container.command().equals(imageCommand)
                ? "it ran the image's default command " + imageCommand + ", which exits at once without a terminal: "
                        + "give it a foreground process (" + foreground() + ")"
                : "its PID 1 (" + String.join(" ", container.command()) + ") ended: see docker logs " + container.name();
    }

    /** Why a container that should have exited at once has not. */
    static String whyNotExited(InspectedContainer container) {
        if (container.state().neverStarted()) {
            return neverStarted(container);
        }
        return "it is still running " + container.command() + ": its PID 1 never ended. Was it given a command, or run "
                + "with -it (a terminal keeps the shell waiting)? (docker inspect -f '{{.Config.Cmd}} {{.Config.Tty}}' "
                + container.name() + ")";
    }

    private static String neverStarted(InspectedContainer container) {
        return "it was created but never started (docker create makes a container, docker run also starts it): "
                + "docker start " + container.name();
    }

    /** Why a container exited with a code other than 0. */
    static String whyFailed(InspectedContainer container) {
        return "its PID 1 failed (exit code " + container.state().exitCode() + ") rather than ended"
                + (container.state().exitCode() == 137 ? ": killed, by docker stop/kill or the OOM killer" : "")
                + ": see docker logs " + container.name();
    }

    /** Why a container was not run with the image's default command. */
    static String whyNotDefault(InspectedContainer container) {
        return "it was given the command " + container.command() + ": the lab runs alpine with no command "
                + "(docker run --name " + Setting.GONE.value() + " alpine)";
    }

    /** The page's fix for an instant exit, with the name a course set. */
    static String foreground() {
        return "docker run -d --name " + Setting.STAYUP.value() + " alpine sleep 1000";
    }
}
