package org.sysnerd.dockerlabs.preflight;

/** A lab that cannot be checked on this host: never a pass, reported as blocked with the cause and the fix. */
public final class LabBlocked extends RuntimeException {

    private final transient Finding finding;

    public LabBlocked(Finding finding) {
        // No stack trace: the cause and the fix are the whole message, printed once per lab.
        super("blocked: " + finding.found() + (finding.fix() == null ? "" : "\nFix: " + finding.fix()), null, false, false);
        this.finding = finding;
    }

    /** The preflight finding that blocks the lab. */
    public Finding finding() {
        return finding;
    }
}
