package org.sysnerd.dockerlabs.junit;

import java.util.Collection;
import java.util.List;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.TestResult;

/**
 * A fact (test method) of a lab as the test plan has it, before it runs: a lab that stops in its set-up (a learner's
 * container missing, a preflight block) still lists each of its facts, so that its points are counted.
 *
 * @param uniqueId the JUnit Platform's id of the test
 * @param specOnly why it is not checked on the learner's containers ({@link SpecOnly}), or null
 */
record PlannedFact(String uniqueId, String name, String specOnly) {

    /** The fact of this test, with its {@link SpecOnly} reason when it has one. */
    static PlannedFact of(TestIdentifier test) {
        String specOnly = null;
        if (test.getSource().orElse(null) instanceof MethodSource source) {
            try {
                SpecOnly annotation = source.getJavaMethod().getAnnotation(SpecOnly.class);
                specOnly = annotation == null ? null : annotation.value();
            } catch (RuntimeException e) {
                specOnly = null;
            }
        }
        return new PlannedFact(test.getUniqueId(), test.getDisplayName(), specOnly);
    }

    /**
     * The facts that never reported, given the lab's status: a {@link SpecOnly} one in the learner mode is not checked
     * (as it would be had the lab run), the others take the lab's failure (0 of 1) or block (out of the total).
     */
    static List<TestResult> unrun(List<PlannedFact> planned, Collection<String> reported, LabStatus lab, boolean learner) {
        LabStatus status = lab == LabStatus.FAILED ? LabStatus.FAILED : LabStatus.BLOCKED;
        String why = status == LabStatus.FAILED ? "not run: the lab failed before its facts (the lab's message says why)"
                : "not run: the lab was blocked before its facts (the lab's message says why)";
        return planned.stream().filter(fact -> !reported.contains(fact.uniqueId()))
                .map(fact -> learner && fact.specOnly() != null
                        ? new TestResult(fact.name(), LabStatus.NOT_CHECKED, LabExtension.notCheckedReason(fact.specOnly()))
                        : new TestResult(fact.name(), status, why))
                .toList();
    }
}
