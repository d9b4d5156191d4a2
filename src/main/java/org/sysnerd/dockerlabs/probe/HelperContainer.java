package org.sysnerd.dockerlabs.probe;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.Exec;
import org.sysnerd.dockerlabs.docker.LabImage;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.TimeScale;
import org.sysnerd.dockerlabs.journal.Trace;

/**
 * The helper container's life ({@link HelperSpec} says what it is): started for the run, made again before it
 * would expire during an exec, one {@code docker exec} per command, removed on close. Shared by the probe's views.
 */
final class HelperContainer {

    /** How long one read or command may take. */
    static final Duration EXEC_LIMIT = TimeScale.of(Duration.ofSeconds(10));
    private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Pattern PARENT = Pattern.compile("(?m)^PPid:\\s*(\\d+)");

    private final Engine engine;
    private final DockerClient client;
    private final String image;
    /** The run whose helper this is: a helper made again carries its name and labels too. */
    private final LabRun run;
    /** The helper now; guarded by this. */
    private Started helper;
    private boolean closed;

    /**
     * A started helper: its container, and its parent (containerd-shim, conmon on Podman), whose mount table is the
     * host's: the runtime runs where the daemon mounts every rootfs; and what {@link #identity} printed, read in the
     * same exec (null when it printed nothing).
     */
    record Started(String id, String name, long mountTablePid, Instant expires, String identity) {
    }

    /** The daemon's host's boot id and namespace links ({@link DaemonPlace.Identity}), the mount one of a process's. */
    static String identity(String mountTablePid) {
        return "cat /proc/sys/kernel/random/boot_id && readlink /proc/self/ns/net && readlink /proc/self/ns/pid"
                + " && readlink /proc/" + mountTablePid + "/ns/mnt";
    }

    HelperContainer(LabRun run, Engine engine) {
        this.engine = engine;
        this.client = engine.client();
        // The suite's alpine, through Testcontainers' substitutor and pull policy, like the labs' containers.
        this.image = LabImage.ALPINE.resolved().asCanonicalNameString();
        this.run = run;
        this.helper = start();
    }

    String image() {
        return image;
    }

    /** The helper, replaced by a fresh one when it would expire during the next exec. */
    synchronized Started current() {
        if (closed) {
            throw new IllegalStateException("this helper is closed");
        }
        if (Instant.now().plus(EXEC_LIMIT).plusSeconds(5).isAfter(helper.expires())) {
            remove(helper.id());
            try {
                helper = start();
            } catch (HostFactUnavailable e) {
                throw e;
            } catch (RuntimeException e) {
                // The daemon refused or dropped the new helper: the host cannot be read, which is not the lab's fact failing.
                throw new HostFactUnavailable("the helper that reads the daemon's host could not be made again after its "
                        + HelperSpec.LIFETIME.toMinutes() + " min: " + e.getMessage(), e);
            }
        }
        return helper;
    }

    /** Runs a command in the helper (its own tools, in the host's PID and network namespaces). */
    Ran exec(Started target, List<String> command) {
        long started = System.nanoTime();
        try {
            Exec.Result result = Exec.run(client, target.id(), command, List.of(PATH), EXEC_LIMIT);
            if (Trace.on()) {
                Trace.mark("helper exec " + (System.nanoTime() - started) / 1_000_000 + " ms: " + String.join(" ", command));
            }
            return new Ran(String.join(" ", command), result.exitCode(), result.stdout(), result.stderr());
        } catch (HostFactUnavailable e) {
            throw new HostFactUnavailable("helper " + target.name() + ": " + e.getMessage(), e);
        }
    }

    /** Removes the helper now (it would go by itself after its lifetime). */
    synchronized void close() {
        closed = true;
        if (helper != null) {
            remove(helper.id());
        }
    }

    private Started start() {
        String name = run.containerName("probe", "host");
        Trace.mark("helper create " + name);
        String id = run.creating(() -> HelperSpec.create(engine, image, name, run.labels("probe")));
        try {
            Trace.mark("helper created");
            client.startContainerCmd(id).exec();
            Trace.mark("helper started (docker start)");
            Instant expires = Instant.now().plus(HelperSpec.LIFETIME);
            long pid = client.inspectContainerCmd(id).exec().getState().getPidLong();
            Started started = new Started(id, name, 0, expires, null);
            String read = "cat /proc/" + pid + "/status";
            // The identity too, after a NUL, in the same exec (each costs the daemon's host a runc process); whatever
            // it could not read, DaemonHost.place() reads again alone, to say why.
            Ran status = exec(started, List.of("sh", "-c", read + " && printf '\\0' && { " + identity("$(sed -n"
                    + " 's/^PPid:[[:space:]]*//p' /proc/" + pid + "/status)") + " || true; }"));
            if (status.exitCode() != 0) {
                throw new HostFactUnavailable("`" + read + "` exited " + status.exitCode() + " in helper " + name + ": "
                        + status.stderr().strip());
            }
            String[] parts = status.stdout().split("\0", 2);
            Matcher parent = PARENT.matcher(parts[0]);
            if (!parent.find()) {
                throw new HostFactUnavailable("the helper's /proc/" + pid + "/status names no parent:\n" + parts[0]);
            }
            return new Started(id, name, Long.parseLong(parent.group(1)), expires,
                    parts.length == 2 && !parts[1].isBlank() ? parts[1] : null);
        } catch (RuntimeException e) {
            remove(id);
            throw e;
        }
    }

    private void remove(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException | ConflictException goneOrGoing) {
            // auto-removed after its sleep, or the daemon is removing it already
        }
    }
}
