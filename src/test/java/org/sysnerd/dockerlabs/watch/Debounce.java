package org.sysnerd.dockerlabs.watch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Coalesces a burst of Docker events into one re-check: due once no event came for {@code quiet}, or {@code most}
 * after the burst's first event, whichever is sooner (a {@code docker run} is create, connect and start in a
 * few tens of milliseconds). Times are {@link System#nanoTime()} values, given, so that the rule is tested without
 * a clock.
 */
final class Debounce {

    /** Why the watch checks again. */
    enum Reason { EVENT, TIMER, STOP }

    private final long quiet;
    private final long most;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean pending;
    private long first;
    private long lastEvent;
    private boolean stopped;

    Debounce(long quietNanos, long mostNanos) {
        this.quiet = quietNanos;
        this.most = mostNanos;
    }

    /** An event came at {@code now}. */
    void signal(long now) {
        lock.lock();
        try {
            if (!pending) {
                pending = true;
                first = now;
            }
            lastEvent = now;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** When the pending burst is due, or -1 when none is pending. */
    long dueAt() {
        lock.lock();
        try {
            return pending ? Math.min(lastEvent + quiet, first + most) : -1;
        } finally {
            lock.unlock();
        }
    }

    /** The time of the last event taken with the burst (what the board's latency is measured from). */
    long lastEvent() {
        lock.lock();
        try {
            return lastEvent;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the pending burst if it is due at {@code now}: true when it was. */
    boolean take(long now) {
        lock.lock();
        try {
            if (pending && now - Math.min(lastEvent + quiet, first + most) >= 0) {
                pending = false;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Ends {@link #await}: the watch stops. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits, without spinning, until a burst is due, the timer's {@code timerNanos} have passed, or the watch stops. */
    Reason await(long timerNanos) throws InterruptedException {
        long timerAt = System.nanoTime() + timerNanos;
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (stopped) {
                    return Reason.STOP;
                }
                if (take(now)) {
                    return Reason.EVENT;
                }
                if (!pending && now - timerAt >= 0) {
                    return Reason.TIMER;
                }
                long until = pending ? Math.min(lastEvent + quiet, first + most) : timerAt;
                changed.awaitNanos(Math.max(1, Math.min(until - now, TimeUnit.SECONDS.toNanos(1))));
            }
        } finally {
            lock.unlock();
        }
    }
}
