package org.sysnerd.dockerlabs.junit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * Bounds the end of the run: the JVM waits for every shutdown hook, and Testcontainers' own (its reaper's, with
 * Ryuk off) calls a daemon that may not answer, with no limit. If the hooks have not let the JVM end within
 * {@link #LIMIT} of its shutdown, this ends it, with exit status 1: what is left, the next run removes.
 * Measured: a SIGSTOPped daemon held a finished run's exit for minutes in that hook.
 */
final class ExitGuard {

    static final Duration LIMIT = TimeScale.of(Duration.ofSeconds(9));

    private ExitGuard() {
    }

    /** Arms a guard for when the JVM shuts down; the run keeps it once per launcher session (see KitRun). */
    static ExitGuard arm() {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitGuard::watch, "docker-labs-exit-guard"));
        return new ExitGuard();
    }

    private static void watch() {
        Thread halter = new Thread(() -> {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            for (long left = LIMIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            System.err.println("docker-labs: the run's clean-up did not end within " + LIMIT.toSeconds() + " s (the Docker "
                    + "daemon does not answer): ending it; the next run removes what is left");
            Runtime.getRuntime().halt(1);
        }, "docker-labs-exit-halter");
        halter.setDaemon(true);
        halter.start();
    }
}
