package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        return removeOrphans(client, Map.of(LabRun.SUITE_LABEL, "true"));
    }

    /**
     * Removes every container of the run {@code runId}, running or not, giving up after {@code limit} (a shutdown
     * hook must let the JVM end: what is left, the next run removes, its owner being dead by then).
     */
    public static void removeRun(DockerClient client, String runId, Duration limit) {
        // A run interrupted while it starts containers has creations under way, which the daemon finishes after this
        // look: look again until a look a while after the first finds none (measured: INT at 2 s left 7, now 0).
        Instant settled = Instant.now().plus(SETTLE);
        bounded("removing the containers of run " + runId, limit, () -> {
            Awaitility.await("no container of run " + runId + " left").atMost(limit).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(SETTLE.dividedBy(4))
                    .until(() -> removeAll(client, runId) == 0 && Instant.now().isAfter(settled));
            return null;
        });
    }

    private static int removeAll(DockerClient client, String runId) {
        List<Container> found = list(client, Map.of(LabRun.SUITE_LABEL, "true", LabRun.RUN_LABEL, runId));
        found.forEach(c -> remove(client, c));
        return found.size();
    }

    static List<String> removeOrphans(DockerClient client, Map<String, String> labels) {
        List<String> removed = new ArrayList<>();
        Instant now = Instant.now();
        for (Container c : list(client, labels)) {
            Optional<ProcessOwner> owner = ProcessOwner.parse(c.getLabels().get(LabRun.OWNER_LABEL));
            boolean orphan = owner.isPresent() && owner.get().isOfThisHost()
                    ? !owner.get().isAliveHere()
                    : born(c).isBefore(now.minus(FOREIGN_AGE));
            if (orphan && remove(client, c)) {
                removed.add(c.getNames()[0].replaceFirst("^/", "") + " (" + c.getId().substring(0, 12) + ", owner "
                        + c.getLabels().get(LabRun.OWNER_LABEL) + ")");
            }
        }
        return removed;
    }

    /** The later of the daemon's Created time and the suite's {@code started} label. */
    private static Instant born(Container c) {
        Instant created = Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated());
        try {
            Instant started = Instant.parse(c.getLabels().getOrDefault(LabRun.SUITE_LABEL + ".started", ""));
            return started.isAfter(created) ? started : created;
        } catch (DateTimeParseException e) {
            return created;
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
