package org.sysnerd.dockerlabs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sysnerd.dockerlabs.report.LabStatus.FAILED;
import static org.sysnerd.dockerlabs.report.LabStatus.PASSED;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.watch.FactHistory.Change;

@DisplayName("The watch's history of facts")
class FactHistoryTest {

    private final FactHistory history = new FactHistory();

    @Test
    @DisplayName("marks nothing on the first board: nothing changed yet")
    void marks_nothing_at_first() {
        assertThat(history.update(Reports.q1(FAILED, FAILED, FAILED).labs())).isEmpty();
    }

    @Test
    @DisplayName("says a fact now passes when it turned green, and keeps saying it while the board stays the same")
    void says_a_fact_now_passes() {
        history.update(Reports.q1(FAILED, FAILED, FAILED).labs());

        assertThat(history.update(Reports.q1(PASSED, FAILED, FAILED).labs())).as("after the learner's command")
                .containsExactlyEntriesOf(java.util.Map.of("Q1 · " + Reports.PID, Change.NOW_PASSES));
        assertThat(history.update(Reports.q1(PASSED, FAILED, FAILED).labs())).as("after a timer's re-check that saw the same")
                .containsExactlyEntriesOf(java.util.Map.of("Q1 · " + Reports.PID, Change.NOW_PASSES));
    }

    @Test
    @DisplayName("marks a fact that went red after it passed as a regression, until it passes again")
    void marks_a_regression() {
        history.update(Reports.q1(PASSED, PASSED, PASSED).labs());

        assertThat(history.update(Reports.q1(FAILED, FAILED, PASSED).labs()))
                .containsEntry("Q1 · " + Reports.PID, Change.REGRESSION).containsEntry("Q1 · " + Reports.NETNS, Change.REGRESSION)
                .doesNotContainKey("Q1 · " + Reports.INSIDE);
        assertThat(history.update(Reports.q1(FAILED, FAILED, PASSED).labs())).as("the same board again")
                .containsEntry("Q1 · " + Reports.PID, Change.REGRESSION);
        assertThat(history.update(Reports.q1(PASSED, PASSED, PASSED).labs())).as("fixed")
                .containsEntry("Q1 · " + Reports.PID, Change.NOW_PASSES).doesNotContainValue(Change.REGRESSION);
    }

    @Test
    @DisplayName("drops the note that a fact now passes once another fact changes")
    void drops_the_note_at_the_next_change() {
        history.update(Reports.q1(FAILED, FAILED, FAILED).labs());
        history.update(Reports.q1(PASSED, FAILED, FAILED).labs());

        assertThat(history.update(Reports.q1(PASSED, PASSED, FAILED).labs()))
                .containsExactlyEntriesOf(java.util.Map.of("Q1 · " + Reports.NETNS, Change.NOW_PASSES));
    }
}
