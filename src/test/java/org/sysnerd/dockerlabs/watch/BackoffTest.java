package org.sysnerd.dockerlabs.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.watch.Debounce.Reason;

@DisplayName("The watch's timer")
class BackoffTest {

    private static final long S = 1_000_000_000L;
    private final Backoff backoff = new Backoff(2 * S, 30 * S);

    @Test
    @DisplayName("checks again every 2 s after an event, then less often while nothing changes, up to 30 s")
    void backs_off_while_idle() {
        assertThat(backoff.after(Reason.EVENT, true, S / 10)).isEqualTo(2 * S);
        assertThat(backoff.after(Reason.TIMER, false, S / 10)).isEqualTo(4 * S);
        assertThat(backoff.after(Reason.TIMER, false, S / 10)).isEqualTo(8 * S);
        assertThat(backoff.after(Reason.TIMER, false, S / 10)).isEqualTo(16 * S);
        assertThat(backoff.after(Reason.TIMER, false, S / 10)).isEqualTo(30 * S);
        assertThat(backoff.after(Reason.TIMER, false, S / 10)).isEqualTo(30 * S);
    }

    @Test
    @DisplayName("comes back to 2 s as soon as a timer's check changed the board, or an event came")
    void comes_back_on_a_change() {
        backoff.after(Reason.TIMER, false, S / 10);
        backoff.after(Reason.TIMER, false, S / 10);

        assertThat(backoff.after(Reason.TIMER, true, S / 10)).isEqualTo(2 * S);
        backoff.after(Reason.TIMER, false, S / 10);
        assertThat(backoff.after(Reason.EVENT, false, S / 10)).isEqualTo(2 * S);
    }

    @Test
    @DisplayName("waits at least four times as long as the last check took")
    void waits_for_a_slow_check() {
        assertThat(backoff.after(Reason.EVENT, true, 3 * S)).isEqualTo(12 * S);
    }
}
