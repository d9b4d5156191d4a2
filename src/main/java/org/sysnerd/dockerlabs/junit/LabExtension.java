package org.sysnerd.dockerlabs.junit;

import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sysnerd.dockerlabs.preflight.LabBlocked;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.preflight.PreflightResult;

/**
 * Blocks a lab, with the cause and the fix, when the preflight found that its needs cannot be met; else
 * starts the lab's containers, files its evidence under the running test, and removes the containers.
 */
public final class LabExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    static {
        // A lab's waits poll in the lab's own thread: a timeout then always carries the last lesson seen
        // as its cause, never a bare TimeoutException from a poller that was still busy. The first look is
        // at once: what a lab waits for has often happened already.
        Awaitility.pollInSameThread();
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        DockerLab lab = context.getRequiredTestClass().getAnnotation(DockerLab.class);
        Set<Need> needs = Set.of(lab.needs());
        blockIfUnmet(LabSession.containerGate(), needs);
        Lab.enter(context);
        // The host's side of the preflight (the probe, the nat table) goes on while the containers start;
        // a lab it blocks has its containers removed in afterAll.
        LabContainers.start(context);
        blockIfUnmet(LabSession.preflight(), needs);
    }

    private static void blockIfUnmet(PreflightResult preflight, Set<Need> needs) {
        preflight.blockerFor(needs).ifPresent(finding -> {
            throw new LabBlocked(finding);
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            LabContainers.stop(context);
        } finally {
            Lab.leave();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Lab.enter(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Lab.enter(context.getParent().orElse(context));
    }
}
