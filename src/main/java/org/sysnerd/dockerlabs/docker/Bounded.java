package org.sysnerd.dockerlabs.docker;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;

/**
 * A call to the daemon through a client the kit does not bound itself (Testcontainers' own, which starts and
 * removes the labs' containers), run in a daemon thread and given up after its limit: a daemon that hangs
 * blocks the lab instead of holding the run; what the call left behind, the next run's sweeper removes.
 */
public final class Bounded {

    private Bounded() {
    }

    /** The call's result, or a host fact unavailable when the daemon did not answer within the limit. */
    public static <T> T call(String what, Duration limit, Callable<T> call) {
        return call(what, limit, "the Docker daemon did not answer", "check that the daemon answers (docker info), then run "
                + "the labs again", call);
    }

    /** As {@link #call(String, Duration, Callable)}, saying what the call may have waited for, and the fix. */
    public static <T> T call(String what, Duration limit, String why, String fix, Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "docker-labs-bounded-call");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new HostFactUnavailable(what + ": did not end within " + limit.toSeconds() + " s (" + why + ")", fix);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostFactUnavailable(what + ": interrupted");
        }
    }

    /** Closes {@code resource} within the limit; what failed or timed out is said on stderr, not thrown: a run is ending. */
    public static void close(String what, Duration limit, AutoCloseable resource) {
        try {
            call(what, limit, () -> {
                resource.close();
                return null;
            });
        } catch (RuntimeException e) {
            System.err.println("docker-labs: " + what + ": " + e.getMessage());
        }
    }

    /** As {@link #call}, for a call with no result. */
    public static void run(String what, Duration limit, Runnable call) {
        call(what, limit, () -> {
            call.run();
            return null;
        });
    }
}
