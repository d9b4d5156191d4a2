package org.sysnerd.dockerlabs.watch;

/**
 * When the watch's timer checks again, for what no Docker event tells: {@code every} after a check that changed the
 * board or followed an event, then twice as long after each timer check that changed nothing, up to {@code most}; and
 * never sooner than four times the last check took, so that a slow host (a helper container's execs, a loaded
 * machine) is not kept busy by the timer alone. Idle, the watch checks about twice a minute.
 */
final class Backoff {

    private final long every;
    private final long most;
    private long next;

    Backoff(long everyNanos, long mostNanos) {
        this.every = everyNanos;
        this.most = Math.max(everyNanos, mostNanos);
        this.next = everyNanos;
    }

    /** After a check that took {@code tookNanos}: the time until the timer's next one. */
    long after(Debounce.Reason reason, boolean changed, long tookNanos) {
        next = reason == Debounce.Reason.TIMER && !changed ? Math.min(most, next * 2) : every;
        return Math.max(next, 4 * tookNanos);
    }
}
