package org.sysnerd.dockerlabs.report;

/**
 * A lab's result: its facts held, one did not, or it could not be checked on this host. A single fact may also
 * be NOT_CHECKED by design: one that would change the learner's container, in the learner mode.
 */
public enum LabStatus {
    PASSED, FAILED, BLOCKED, NOT_CHECKED;

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
