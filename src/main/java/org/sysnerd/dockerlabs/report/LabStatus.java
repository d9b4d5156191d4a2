package org.sysnerd.dockerlabs.report;

/** A lab's result: its facts held, one did not, or it could not be checked on this host. */
public enum LabStatus {
    PASSED, FAILED, BLOCKED;

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
