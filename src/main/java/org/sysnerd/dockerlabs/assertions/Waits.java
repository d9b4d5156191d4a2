package org.sysnerd.dockerlabs.assertions;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.TerminalFailureException;
import org.awaitility.core.ThrowingRunnable;

/**
 * The kit's waits: Awaitility, bounded, polling every 50 ms in the lab's own thread (a timeout then carries the
 * last lesson seen as its cause), and looking at once first (what a lab waits for has often happened already).
 */
public final class Waits {

    private static final Duration POLL = Duration.ofMillis(50);

    private Waits() {
    }

    /** A wait named for what it waits for, e.g. {@code await("the DNAT rule for :32768 to be removed")}. */
    public static ConditionFactory await(String alias) {
        return Awaitility.await(alias).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL);
    }

    /** Waits up to {@code limit} for the assertion to hold; with no time at all, looks once. */
    public static void until(String alias, Duration limit, ThrowingRunnable assertion) {
        until(alias, limit, assertion, () -> { });
    }

    /**
     * As {@link #until(String, Duration, ThrowingRunnable)}, stopping at once when {@code pointless} fails (a container
     * that exited will not come up again by waiting): its lesson is the verdict, as Awaitility's {@code failFast} says it.
     */
    public static void until(String alias, Duration limit, ThrowingRunnable assertion, ThrowingRunnable pointless) {
        if (limit.isZero()) {
            try {
                assertion.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        } else {
            try {
                await(alias).atMost(limit).failFast("waiting is pointless", pointless).untilAsserted(assertion);
            } catch (TerminalFailureException e) {
                // Awaitility wraps the lesson that ended the wait; the lesson itself is what the verdict shows.
                if (e.getCause() instanceof Error lesson) {
                    throw lesson;
                }
                throw e;
            }
        }
    }
}
