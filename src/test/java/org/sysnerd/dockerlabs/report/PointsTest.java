package org.sysnerd.dockerlabs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Points: each fact checked is a point")
class PointsTest {

    @Test
    @DisplayName("a passed fact is 1 of 1, a failed one 0 of 1")
    void passed_and_failed() {
        assertThat(Points.of(List.of(LabStatus.PASSED, LabStatus.FAILED, LabStatus.PASSED))).isEqualTo(new Points(2, 3, 0, 0));
    }

    @Test
    @DisplayName("a fact not checked or blocked is out of the total, counted apart")
    void out_of_the_total() {
        Points points = Points.of(List.of(LabStatus.PASSED, LabStatus.NOT_CHECKED, LabStatus.BLOCKED, LabStatus.BLOCKED));

        assertThat(points).isEqualTo(new Points(1, 1, 1, 2));
        assertThat(points.summary()).isEqualTo("1 of 1 point (1 not checked, 2 blocked, out of the total)");
    }

    @Test
    @DisplayName("counts every fact, whatever its status, as the lab's size")
    void facts() {
        assertThat(Points.of(List.of(LabStatus.PASSED, LabStatus.FAILED, LabStatus.NOT_CHECKED, LabStatus.BLOCKED)).facts()).isEqualTo(4);
        assertThat(Points.NONE.facts()).isZero();
    }

    @Test
    @DisplayName("a run's points are its labs' added up")
    void plus() {
        assertThat(new Points(2, 3, 1, 0).plus(new Points(0, 2, 0, 4))).isEqualTo(new Points(2, 5, 1, 4));
    }

    @Test
    @DisplayName("says which facts are out of the total, in the learner's words, and nothing when none is")
    void out_of_the_total_lines() {
        assertThat(new Points(3, 3, 1, 2).outOfTotalLines("your containers")).containsExactly(
                "1 fact not checked on your containers, out of the total",
                "2 facts blocked (could not be checked on this host), out of the total");
        assertThat(new Points(3, 3, 0, 0).outOfTotalLines("your containers")).isEmpty();
        assertThat(new Points(3, 3, 0, 0).summary()).isEqualTo("3 of 3 points");
    }

    @Test
    @DisplayName("never earns more than is possible")
    void earned_within_possible() {
        assertThatThrownBy(() -> new Points(2, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
