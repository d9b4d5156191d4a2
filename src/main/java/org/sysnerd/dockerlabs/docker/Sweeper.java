package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * Removes the suite's containers whose run is over: a killed run's orphans at start-up, this run's own at exit.
 * Looks only at containers labelled {@code org.sysnerd.docker-labs=true}; a live owner's are never touched.
 */
public final class Sweeper {

    /** Another host's owner cannot be checked from here: its containers are orphans only after this long. */
    static final Duration FOREIGN_AGE = Duration.ofHours(1);
    private static final Duration CALL_LIMIT = TimeScale.of(Duration.ofSeconds(15));
    /** How long after an interruption containers still being created may appear. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private Sweeper() {
    }

    /** Removes the suite's containers whose owner is dead (this host) or over an hour old (other hosts); returns them. */
    public static List<String> removeOrphans(DockerClient client) {
        return removeOrphans(client, Map.of(LabRun.SUITE_LABEL, "true"), ProcessOwner::isAliveHere);
    }

    /**
     * Removes every container of the run {@code runId}, running or not, giving up after {@code limit} (a shutdown
     * hook must let the JVM end: what is left, the next run removes, its owner being dead by then).
     */
    public static void removeRun(DockerClient client, String runId, Duration limit) {
        removeRun(client, runId, limit, true);
    }

    /**
     * As {@link #removeRun(DockerClient, String, Duration)}; with {@code creationsMayFollow} false (the run's labs have
     * ended and none of its creations is under way: {@link LabRun#creationsUnderWay()}), one look is enough.
     */
    public static void removeRun(DockerClient client, String runId, Duration limit, boolean creationsMayFollow) {
        // A run interrupted while it starts containers has creations under way, which the daemon finishes after this
        // look: look again until a look a while after the first finds none (measured: INT at 2 s left 7, now 0).
        Instant settled = Instant.now().plus(creationsMayFollow ? SETTLE : Duration.ZERO);
        bounded("removing the containers of run " + runId, limit, () -> {
            Awaitility.await("no container of run " + runId + " left").atMost(limit).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(SETTLE.dividedBy(4))
                    .until(() -> removeAll(client, runId) == 0 && !Instant.now().isBefore(settled));
            return null;
        });
    }

    private static int removeAll(DockerClient client, String runId) {
        List<Container> found = list(client, Map.of(LabRun.SUITE_LABEL, "true", LabRun.RUN_LABEL, runId));
        found.forEach(c -> remove(client, c));
        return found.size();
    }

    /**
     * Removes the containers with these labels that {@link #isOrphan} judges orphans, {@code alive} telling whether
     * an owner of this host lives; returns them. The labels narrow the look (a test's own run); they never widen it.
     */
    static List<String> removeOrphans(DockerClient client, Map<String, String> labels, Predicate<ProcessOwner> alive) {
        Map<String, String> scope = new HashMap<>(labels);
        scope.put(LabRun.SUITE_LABEL, "true");
        Instant now = Instant.now();
        String thisHost = ProcessOwner.thisHost();
        List<String> removed = new ArrayList<>();
        for (Container c : list(client, scope)) {
            Leftover found = Leftover.of(c);
            if (isOrphan(found, now, thisHost, alive) && remove(client, c)) {
                removed.add(found.toString());
            }
        }
        return removed;
    }

    /**
     * The one decision: a container's run is over when its owner, a process of this host, is gone; one made on
     * another host (or with no owner the sweeper can read) only once it is over {@link #FOREIGN_AGE} old.
     */
    static boolean isOrphan(Leftover container, Instant now, String thisHost, Predicate<ProcessOwner> alive) {
        Optional<ProcessOwner> owner = ProcessOwner.parse(container.owner());
        return owner.isPresent() && owner.get().host().equals(thisHost)
                ? !alive.test(owner.get())
                : container.born().isBefore(now.minus(FOREIGN_AGE));
    }

    /** A container of the suite as {@code docker ps -a} lists it: who made it and when it was born. */
    record Leftover(String id, String name, String owner, Instant born) {

        /** From the daemon's list; born is the later of the daemon's Created time and the suite's started label. */
        static Leftover of(Container c) {
            Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
            Instant created = Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated());
            Instant born = created;
            try {
                Instant started = Instant.parse(labels.getOrDefault(LabRun.SUITE_LABEL + ".started", ""));
                born = started.isAfter(created) ? started : created;
            } catch (DateTimeParseException e) {
                // no started label: the daemon's time
            }
            String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
            return new Leftover(c.getId(), name, labels.get(LabRun.OWNER_LABEL), born);
        }

        /** As the preflight reports it: {@code docker-labs-q1-web-1a2b3c4d-1 (0123456789ab, owner host/42/1700000000000)}. */
        @Override
        public String toString() {
            return name + " (" + id.substring(0, Math.min(12, id.length())) + ", owner " + owner + ")";
        }
    }

    private static List<Container> list(DockerClient client, Map<String, String> labels) {
        return bounded("docker ps -a --filter label=" + labels.keySet(), CALL_LIMIT,
                () -> client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec());
    }

    /** {@code docker rm -fv}; false when the container is already gone or another sweeper is removing it. */
    private static boolean remove(DockerClient client, Container c) {
        try {
            bounded("docker rm -fv " + c.getId(), CALL_LIMIT,
                    () -> client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
            return true;
        } catch (NotFoundException | ConflictException e) {
            return false;
        }
    }

    /** Runs calls to the daemon, giving up after {@code limit} (the client has no read timeout). */
    private static <T> T bounded(String what, Duration limit, Callable<T> call) {
        try {
            return Bounded.call(what, limit, call);
        } catch (HostFactUnavailable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
