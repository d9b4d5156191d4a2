package org.sysnerd.dockerlabs.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.Points;
import org.sysnerd.dockerlabs.report.TestResult;

@DisplayName("The facts a lab's set-up stopped before are still listed, so that its points are counted")
class PlannedFactTest {

    private static final List<PlannedFact> Q2 = List.of(new PlannedFact("[m:layers]", "the image is layers", null),
            new PlannedFact("[m:mount]", "the rootfs is an overlay mount", null),
            new PlannedFact("[m:write]", "a file written inside is in the upper dir", "it writes a file into the container"));

    @Test
    @DisplayName("a lab that failed before its facts (the learner's container missing) counts each 0 of 1")
    void failed_lab() {
        List<TestResult> unrun = PlannedFact.unrun(Q2, Set.of(), LabStatus.FAILED, false);

        assertThat(unrun).extracting(TestResult::status).containsOnly(LabStatus.FAILED);
        assertThat(Points.ofFacts(unrun)).isEqualTo(new Points(0, 3, 0, 0));
    }

    @Test
    @DisplayName("in the learner mode, a @SpecOnly fact stays not checked, with its reason, out of the total")
    void spec_only_in_learner_mode() {
        List<TestResult> unrun = PlannedFact.unrun(Q2, Set.of(), LabStatus.FAILED, true);

        assertThat(Points.ofFacts(unrun)).isEqualTo(new Points(0, 2, 1, 0));
        assertThat(unrun.get(2).message()).isEqualTo("not checked on your own containers: it writes a file into the container");
    }

    @Test
    @DisplayName("a blocked lab's facts are blocked, out of the total")
    void blocked_lab() {
        assertThat(Points.ofFacts(PlannedFact.unrun(Q2, Set.of(), LabStatus.BLOCKED, false))).isEqualTo(new Points(0, 0, 0, 3));
    }

    @Test
    @DisplayName("a fact that reported is never listed again")
    void reported_facts_left_out() {
        assertThat(PlannedFact.unrun(Q2, Set.of("[m:layers]", "[m:mount]", "[m:write]"), LabStatus.PASSED, false)).isEmpty();
        assertThat(PlannedFact.unrun(Q2, Set.of("[m:layers]"), LabStatus.FAILED, false)).extracting(TestResult::name)
                .containsExactly("the rootfs is an overlay mount", "a file written inside is in the upper dir");
    }
}
