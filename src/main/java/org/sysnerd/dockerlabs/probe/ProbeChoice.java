package org.sysnerd.dockerlabs.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses how to read the daemon host: directly when this process is root on the daemon's own host,
 * through a helper container on the daemon otherwise (a learner in the docker group, a remote daemon,
 * Docker Desktop's VM). {@code labs.probe} / {@code LABS_PROBE} ({@code direct}, {@code daemon}) forces one.
 */
public final class ProbeChoice {

    private ProbeChoice() {
    }

    /** The probe for this run; a helper container is started only when it is the one chosen. */
    public static Host choose(boolean daemonOnThisHost) {
        String forced = System.getProperty("labs.probe", System.getenv("LABS_PROBE"));
        if ("direct".equals(forced)) {
            return new DirectHost("forced by labs.probe=direct");
        }
        if (!"daemon".equals(forced) && isRoot() && daemonOnThisHost) {
            return new DirectHost("this process is root on the daemon's host");
        }
        return DaemonHost.start();
    }

    /** True when {@link #choose} reads the host directly, starting no helper container (whose image may be missing). */
    public static boolean readsDirectly(boolean daemonOnThisHost) {
        String forced = System.getProperty("labs.probe", System.getenv("LABS_PROBE"));
        return "direct".equals(forced) || !"daemon".equals(forced) && isRoot() && daemonOnThisHost;
    }

    /** Why the daemon-side probe is needed here, for the report. */
    public static String whyDaemon(boolean daemonOnThisHost) {
        return !daemonOnThisHost ? "the daemon's host is not this machine"
                : "this process (uid " + uid() + ") may not read root's /proc/<pid>/ns links, overlay dirs or nat table";
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
