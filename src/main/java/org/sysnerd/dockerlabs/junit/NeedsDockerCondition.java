package org.sysnerd.dockerlabs.junit;

import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.sysnerd.dockerlabs.preflight.Need;

/** Runs a {@link NeedsDocker} test only where the preflight's daemon side blocks none of its needs. */
final class NeedsDockerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getElement(), NeedsDocker.class)
                .map(needs -> evaluate(KitRun.of(context), Set.of(needs.value())))
                .orElse(ConditionEvaluationResult.enabled("no @NeedsDocker here"));
    }

    private static ConditionEvaluationResult evaluate(KitRun kit, Set<Need> needs) {
        try {
            return kit.session().containerGate().blockerFor(needs)
                    .map(finding -> ConditionEvaluationResult.disabled("needs Docker: " + finding.found().strip()))
                    .orElse(ConditionEvaluationResult.enabled("Docker and the images are there"));
        } catch (IllegalStateException e) {
            return ConditionEvaluationResult.disabled("needs Docker: " + e.getMessage());
        }
    }
}
