package org.sysnerd.dockerlabs.junit;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sysnerd.dockerlabs.journal.Trace;
import org.sysnerd.dockerlabs.preflight.LabBlocked;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.preflight.PreflightResult;
import org.sysnerd.dockerlabs.subject.LabMode;

/**
 * Blocks a lab, with the cause and the fix, when the preflight found that its needs cannot be met; else
 * gets the lab's containers (starts the suite's, or finds the learner's), and removes the suite's containers. In the learner mode, a {@link SpecOnly} fact is not checked.
 */
public final class LabExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ExecutionCondition {

    @Override
    public void beforeAll(ExtensionContext context) {
        KitRun kit = KitRun.of(context);
        LabMode mode = kit.validMode();
        DockerLab lab = context.getRequiredTestClass().getAnnotation(DockerLab.class);
        Set<Need> needs = needs(lab, mode);
        Trace.mark(lab.id() + " start");
        blockIfUnmet(kit.session().containerGate(), needs);
        Trace.mark(lab.id() + " past the preflight's docker side");
        // The host's side of the preflight (the probe, the nat table) goes on while the containers start;
        // a lab it blocks has its containers removed in afterAll.
        LabContainers containers = LabContainers.of(context);
        if (kit.startsLabContainers()) {
            containers.start();
        }
        Trace.mark(lab.id() + " containers started");
        // The learner's containers are looked for while the host's side goes on too; what is missing is told after it.
        Throwable missing = null;
        try {
            containers.find(context);
        } catch (RuntimeException | AssertionError e) {
            missing = e;
        }
        Trace.mark(lab.id() + " subjects ready");
        blockIfUnmet(kit.session().preflight(), needs);
        Trace.mark(lab.id() + " past the preflight");
        if (missing instanceof RuntimeException e) {
            throw e;
        } else if (missing instanceof AssertionError e) {
            throw e;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        SpecOnly specOnly = context.getTestMethod().map(m -> m.getAnnotation(SpecOnly.class)).orElse(null);
        return specOnly != null && KitRun.of(context).validMode() == LabMode.LEARNER
                ? ConditionEvaluationResult.disabled(notCheckedReason(specOnly.value()))
                : ConditionEvaluationResult.enabled(null);
    }

    /** What the report says of a {@link SpecOnly} fact in the learner mode, with its reason. */
    static String notCheckedReason(String specOnly) {
        return "not checked on your own containers: " + specOnly;
    }

    /** What the lab needs in this mode: the learner's containers are graded with the images they run. */
    private static Set<Need> needs(DockerLab lab, LabMode mode) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        needs.addAll(List.of(lab.needs()));
        if (mode == LabMode.LEARNER) {
            needs.removeAll(List.of(Need.NGINX_IMAGE, Need.ALPINE_IMAGE));
        }
        return needs;
    }

    private static void blockIfUnmet(PreflightResult preflight, Set<Need> needs) {
        preflight.blockerFor(needs).ifPresent(finding -> {
            throw new LabBlocked(finding);
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Trace.mark(labId(context) + " facts done");
        try {
            if (KitRun.of(context).startsLabContainers()) {
                LabContainers.ifMade(context).ifPresent(LabContainers::stop);
            }
        } finally {
            Trace.mark(labId(context) + " end");
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (Trace.on()) {
            Trace.mark(labId(context) + " fact " + context.getRequiredTestMethod().getName() + " start");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (Trace.on()) {
            Trace.mark(labId(context) + " fact " + context.getRequiredTestMethod().getName() + " done");
        }
    }

    private static String labId(ExtensionContext context) {
        return context.getRequiredTestClass().getAnnotation(DockerLab.class).id();
    }
}
