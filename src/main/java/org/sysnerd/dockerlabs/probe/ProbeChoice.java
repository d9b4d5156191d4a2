package org.sysnerd.dockerlabs.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses how to read the daemon's host, once: directly only when this process is root and shares the daemon
 * host's kernel and its network, PID and mount namespaces ({@link DaemonPlace}, read through a helper container
 * on the daemon); through that helper otherwise (a learner in the docker group, a remote or ssh-forwarded
 * daemon, a daemon in another network namespace, Docker Desktop's VM). {@code labs.probe} / {@code LABS_PROBE}
 * ({@code direct}, {@code daemon}) forces one.
 */
public final class ProbeChoice {

    private ProbeChoice() {
    }

    /** The probe for this run; the helper it starts to find the daemon's host is kept only when it is the probe. */
    public static Host choose() {
        String forced = System.getProperty("labs.probe", System.getenv("LABS_PROBE"));
        if ("direct".equals(forced)) {
            return new DirectHost("forced by labs.probe=direct");
        }
        DaemonHost daemon = DaemonHost.start();
        if ("daemon".equals(forced)) {
            return daemon.because("forced by labs.probe=daemon; the daemon's host is " + placeOf(daemon));
        }
        DaemonPlace place;
        try {
            place = daemon.place();
        } catch (RuntimeException e) {
            return daemon.because("where the daemon's host is could not be told (" + e.getMessage() + ")");
        }
        if (!place.thisHost()) {
            return daemon.because("the daemon's host is " + place.describe());
        }
        if (!isRoot()) {
            return daemon.because("the daemon's host is " + place.describe() + ", but this process (uid " + uid()
                    + ") may not read root's /proc/<pid>/ns links, overlay dirs or nat table");
        }
        daemon.close();
        return new DirectHost("root, and the daemon's host is " + place.describe());
    }

    private static String placeOf(DaemonHost daemon) {
        try {
            return daemon.place().describe();
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** True when {@link #choose} reads the host directly, starting no helper container (whose image may be missing). */
    public static boolean readsDirectly() {
        return "direct".equals(System.getProperty("labs.probe", System.getenv("LABS_PROBE")));
    }

    static boolean isRoot() {
        return "0".equals(uid());
    }

    /** This process's user id, from /proc/self/status; "?" when unknown. */
    public static String uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
