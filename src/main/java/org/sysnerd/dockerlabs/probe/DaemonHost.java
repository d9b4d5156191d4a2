package org.sysnerd.dockerlabs.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.journal.Trace;
import org.sysnerd.dockerlabs.parse.BatchOutput;

/**
 * The daemon's host reached through the daemon, for a learner in the docker group who is not root, a remote or
 * rootless daemon, Podman: a short-lived helper container in the host's PID and network namespaces, with the host's
 * root read-only at {@code /host} ({@link HelperSpec}, {@link HelperContainer}), runs the host's own tools
 * ({@code chroot /host /usr/bin/env <tool>}), one {@code docker exec} per command; HTTP goes with its {@code nc}
 * ({@link NcHttp}); a denied read says why ({@link Denials}).
 */
public final class DaemonHost implements Backend, AutoCloseable {

    /** How long a helper lives: it runs {@code sleep}, then exits and the daemon removes it (auto-remove). */
    public static final Duration LIFETIME = HelperSpec.LIFETIME;
    /** How long one read or command may take. */
    public static final Duration EXEC_LIMIT = HelperContainer.EXEC_LIMIT;
    /** Where the host's root is mounted in the helper, read-only. */
    public static final String ROOT = HelperSpec.ROOT;

    // The host's tools by an absolute path: BusyBox's chroot may prefer its own applet for a bare name
    // (Debian's busybox-static runs its `ip` for `chroot /host ip`); env then looks the tool up on the host.
    private static final List<String> HOST_TOOL = List.of("chroot", ROOT, "/usr/bin/env");
    private static final Pattern MOUNT_TABLE = Pattern.compile("/proc/self/(mountinfo|mounts|mountstats)");

    private final Engine engine;
    private final HelperContainer helper;
    private final NcHttp http;
    /** Where the daemon's host is, once told; guarded by this. */
    private DaemonPlace place;
    private volatile String reason = "chosen";

    private DaemonHost(LabRun run, Engine engine) {
        this.engine = engine;
        this.helper = new HelperContainer(run, engine);
        this.http = new NcHttp(helper);
        Trace.mark("probe helper started");
    }

    /** Starts the helper container on the daemon Testcontainers talks to. */
    public static DaemonHost start(LabRun run, Engine engine) {
        return new DaemonHost(run, engine);
    }

    /** The host this probe reaches. */
    public Host host() {
        return Host.on(this);
    }

    @Override
    public Ran run(List<String> argv) {
        List<String> line = new ArrayList<>(HOST_TOOL);
        line.addAll(argv);
        return helper.exec(helper.current(), line);
    }

    @Override
    public String read(String path) {
        HelperContainer.Started current = helper.current();
        Ran ran = helper.exec(current, onHost("cat", hostPath(current, path)));
        if (ran.exitCode() != 0) {
            throw failed("cat " + path, ran, Journal.NONE);
        }
        return ran.stdout();
    }

    /**
     * Several files in one exec (each exec costs the daemon's host a runc process; the host's {@code cat} per file costs
     * little): each printed and ended by a NUL. When any cannot be read, or a file holds a NUL, each is read alone,
     * so that a failure says what {@link #read} says.
     */
    @Override
    public List<String> readAll(List<String> paths) {
        if (paths.size() < 2) {
            return Backend.super.readAll(paths);
        }
        HelperContainer.Started current = helper.current();
        List<String> line = new ArrayList<>(List.of("sh", "-c", "for f; do " + String.join(" ", HOST_TOOL)
                + " cat \"$f\" || exit; printf '\\0'; done", "sh"));
        paths.forEach(path -> line.add(hostPath(current, path)));
        Ran ran = helper.exec(current, line);
        return (ran.exitCode() == 0 ? BatchOutput.nulTerminated(ran.stdout(), paths.size()) : Optional.<List<String>>empty())
                .orElseGet(() -> Backend.super.readAll(paths));
    }

    @Override
    public HostFactUnavailable failed(String what, Ran ran, Journal journal) {
        return Denials.unavailable(what, ran, helper, engine.info(), journal);
    }

    @Override
    public HostHttp http() {
        return http;
    }

    @Override
    public String describe() {
        return "through the daemon (helper container " + helper.current().name() + (engine.info().podman()
                ? " made with libpod's API" : "") + ", " + helper.image() + ": " + HelperSpec.describe(engine.info())
                + "), because " + reason;
    }

    /** Says why this probe is used, for the report; returns this. */
    public DaemonHost because(String why) {
        reason = why;
        return this;
    }

    /**
     * Where the daemon's host is: its boot id and the namespaces of its containers' host side, read by the helper
     * ({@code --pid=host --network=host}; the mount namespace is that of its containerd-shim, see {@link #hostPath})
     * in the exec that found its parent when it started, else in one exec now, against this process's own.
     */
    public synchronized DaemonPlace place() {
        if (place == null) {
            HelperContainer.Started current = helper.current();
            DaemonPlace.Identity daemon = readAtStart(current.identity());
            if (daemon == null) {
                String script = HelperContainer.identity(String.valueOf(current.mountTablePid()));
                Ran ran = helper.exec(current, List.of("sh", "-c", script));
                if (ran.exitCode() != 0) {
                    throw failed(script, ran, Journal.NONE);
                }
                daemon = DaemonPlace.Identity.parse(ran.stdout());
            }
            place = new DaemonPlace(daemon, DaemonPlace.Identity.ofThisProcess());
            Trace.mark("probe identity read through the helper");
        }
        return place;
    }

    /** The identity the helper read when it started; null when it read none or not all of it. */
    private static DaemonPlace.Identity readAtStart(String identity) {
        try {
            return identity == null ? null : DaemonPlace.Identity.parse(identity);
        } catch (HostFactUnavailable partly) {
            return null;
        }
    }

    /** The helper container's id, e.g. for {@code docker inspect}. */
    String containerId() {
        return helper.current().id();
    }

    /** Removes the helper now (it would go by itself after {@link #LIFETIME}). */
    @Override
    public void close() {
        helper.close();
    }

    /**
     * The path to read in the helper. {@code /proc/self/mountinfo} there is the helper's own mount
     * namespace: a copy of the daemon's made at the helper's creation, which follows the host only where a
     * mount is shared (Docker shares its data root, not {@code /run}) and adds the helper's own rootfs with
     * its /proc, /sys and /dev. The host's table is read from {@code /proc/<pid>/mountinfo} of the helper's
     * parent, its containerd-shim (conmon on Podman): the runtime must run where the daemon mounts every rootfs,
     * or it could not start the containers. Host PID 1 would be the usual choice, but under Docker Desktop (LinuxKit)
     * the daemon has a mount namespace of its own. Other {@code /proc/self} files stay the helper's: its net and PID
     * namespaces are the host's, and under AppArmor it may not look into the unconfined shim's.
     */
    private static String hostPath(HelperContainer.Started helper, String path) {
        Matcher mountTable = MOUNT_TABLE.matcher(path);
        return mountTable.matches() ? "/proc/" + helper.mountTablePid() + "/" + mountTable.group(1) : path;
    }

    private static List<String> onHost(String... command) {
        List<String> line = new ArrayList<>(HOST_TOOL);
        line.addAll(List.of(command));
        return line;
    }
}
