package org.sysnerd.dockerlabs.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The watch's debounce of Docker events")
class DebounceTest {

    private static final long MS = 1_000_000L;
    private final Debounce debounce = new Debounce(60 * MS, 400 * MS);

    @Test
    @DisplayName("is due once no event came for the quiet time, one check for a whole burst")
    void coalesces_a_burst() {
        debounce.signal(0);
        debounce.signal(20 * MS);
        debounce.signal(50 * MS);

        assertThat(debounce.take(100 * MS)).as("50 ms after the last event").isFalse();
        assertThat(debounce.take(110 * MS)).as("60 ms after it").isTrue();
        assertThat(debounce.take(500 * MS)).as("the burst was taken").isFalse();
    }

    @Test
    @DisplayName("is due at the latest the longest wait after a burst's first event, however long it lasts")
    void bounds_a_long_burst() {
        for (long at = 0; at <= 450; at += 30) {
            debounce.signal(at * MS);
        }

        assertThat(debounce.dueAt()).isEqualTo(400 * MS);
        assertThat(debounce.take(400 * MS)).isTrue();
    }

    @Test
    @DisplayName("waits for the timer when no event comes, and returns at once when stopped")
    void waits_for_the_timer_or_the_stop() throws InterruptedException {
        long started = System.nanoTime();
        assertThat(debounce.await(Duration.ofMillis(50).toNanos())).isEqualTo(Debounce.Reason.TIMER);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(50 * MS);

        debounce.stop();
        assertThat(debounce.await(Duration.ofSeconds(60).toNanos())).isEqualTo(Debounce.Reason.STOP);
    }

    @Test
    @DisplayName("returns for an event once its burst is quiet, before the timer")
    void returns_for_an_event() throws InterruptedException {
        debounce.signal(System.nanoTime());

        assertThat(debounce.await(Duration.ofSeconds(60).toNanos())).isEqualTo(Debounce.Reason.EVENT);
    }
}
