package org.sysnerd.dockerlabs.probe;

import org.sysnerd.dockerlabs.settings.Setting;
import java.net.URI;
import java.nio.file.Path;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.docker.ProcessOwner;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;

/**
 * Chooses how to read the daemon's host, once: directly only when this process is root and shares the daemon
 * host's kernel and its network, PID and mount namespaces ({@link DaemonPlace}); through a helper container on the
 * daemon otherwise (a learner in the docker group, a remote or ssh-forwarded daemon, a daemon in another network
 * namespace, Docker Desktop's VM). Where the daemon's host is, a root process finds out without a container when the
 * daemon itself listens on a local unix socket ({@link DaemonListener}: its namespaces are read from /proc); else the
 * helper reads it. {@code labs.probe} / {@code LABS_PROBE} ({@code direct}, {@code daemon}) forces one. One per run.
 */
public final class ProbeChoice {

    private final LabRun run;
    private final Engine engine;
    /** True when the probe, once chosen, serves every run that asks (a watch's), while its helper lives. */
    private final boolean keeps;
    /** What the socket's listener told; looked at once, guarded by this. */
    private Local local;
    /** The probe kept for the runs to come; guarded by this. */
    private Host kept;

    /** What the socket's listener told, looked at once: the place it proves, or why it proves none. */
    private record Local(DaemonListener daemon, DaemonPlace place, String why) {
        boolean thisHost() {
            return place != null && place.thisHost();
        }
    }

    /** The choice for this run, whose helper container (if it needs one) carries the run's name and labels. */
    public ProbeChoice(LabRun run, Engine engine) {
        this(run, engine, false);
    }

    private ProbeChoice(LabRun run, Engine engine, boolean keeps) {
        this.run = run;
        this.engine = engine;
        this.keeps = keeps;
    }

    /**
     * A choice made once for many runs in one JVM (a watch's): the probe it chooses, and its helper container, serve
     * each run that asks, and are chosen again only when the helper is gone (the daemon restarted). The helper carries
     * {@code run}'s labels, so that no single run's clean-up removes it.
     */
    public static ProbeChoice kept(LabRun run, Engine engine) {
        return new ProbeChoice(run, engine, true);
    }

    /** The probe for this run; the helper it starts to find the daemon's host is kept only when it is the probe. */
    public Host choose() {
        if (!keeps) {
            return chooseNow();
        }
        synchronized (this) {
            if (kept == null || !alive(kept)) {
                kept = chooseNow();
            }
            return kept;
        }
    }

    /** True while a kept probe can serve: always when direct, while its helper runs when through the daemon. */
    private boolean alive(Host probe) {
        if (!(probe instanceof BackendHost host) || !(host.backend() instanceof DaemonHost daemon)) {
            return true;
        }
        try {
            return Boolean.TRUE.equals(engine.client().inspectContainerCmd(daemon.containerId()).exec().getState().getRunning());
        } catch (RuntimeException gone) {
            return false;
        }
    }

    private Host chooseNow() {
        String forced = forced();
        if ("direct".equals(forced)) {
            return DirectHost.host("forced by labs.probe=direct");
        }
        Local listener = "daemon".equals(forced) ? null : local();
        if (listener != null && listener.thisHost()) {
            return DirectHost.host("root, and the daemon's host is " + listener.place().describe() + " (" + listener.daemon()
                    .describe() + ")");
        }
        DaemonHost daemon = DaemonHost.start(run, engine);
        if ("daemon".equals(forced)) {
            return daemon.because("forced by labs.probe=daemon; the daemon's host is " + placeOf(daemon)).host();
        }
        DaemonPlace place;
        try {
            place = daemon.place();
        } catch (RuntimeException e) {
            return daemon.because("where the daemon's host is could not be told (" + e.getMessage() + ")").host();
        }
        if (!place.thisHost()) {
            return daemon.because("the daemon's host is " + place.describe()).host();
        }
        if (!isRoot()) {
            return daemon.because("the daemon's host is " + place.describe() + ", but this process (uid " + uid()
                    + ") may not read root's /proc/<pid>/ns links, overlay dirs or nat table").host();
        }
        daemon.close();
        return DirectHost.host("root, and the daemon's host is " + place.describe() + " (told by a helper container: "
                + listener.why() + ")");
    }

    /** True when {@link #choose} starts the helper container (whose image must then be on the daemon). */
    public boolean needsHelper() {
        String forced = forced();
        return !"direct".equals(forced) && ("daemon".equals(forced) || !local().thisHost());
    }

    private static String forced() {
        return Setting.PROBE.value();
    }

    /** The daemon's listener on a local socket, as root; looked at once. */
    private synchronized Local local() {
        if (local == null) {
            local = lookAtTheListener();
        }
        return local;
    }

    private Local lookAtTheListener() {
        URI host = connected();
        if (host == null || !"unix".equals(host.getScheme())) {
            return new Local(null, null, "the daemon is not reached through a unix socket (" + host + ")");
        }
        if (!isRoot()) {
            return new Local(null, null, "only root may read another user's /proc/<pid>/fd and ns links");
        }
        try {
            DaemonListener daemon = DaemonListener.of(Path.of(host.getPath()));
            DaemonPlace place = new DaemonPlace(daemon.identity(), DaemonPlace.Identity.ofThisProcess());
            return new Local(daemon, place, place.thisHost() ? "" : daemon.describe() + " is in " + place.describe());
        } catch (HostFactUnavailable e) {
            return new Local(null, null, e.getMessage());
        }
    }

    /** Where the engine talks to the daemon; a kept probe's own engine connects here first; null if it cannot. */
    private URI connected() {
        try {
            return engine.connect();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String placeOf(DaemonHost daemon) {
        try {
            return daemon.place().describe();
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static boolean isRoot() {
        return "0".equals(uid());
    }

    /** This process's user id, from /proc/self/status; "?" when unknown. */
    public static String uid() {
        return ProcessOwner.uid();
    }
}
