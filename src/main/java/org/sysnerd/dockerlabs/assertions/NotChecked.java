package org.sysnerd.dockerlabs.assertions;

import org.opentest4j.TestAbortedException;

/**
 * A fact the learner's state cannot show, found out while grading it (a port published on 127.0.0.1 only): listed
 * as not checked, with the reason, like a {@code @SpecOnly} fact. The lab is graded on its other facts: it is neither
 * blocked (the host is fine) nor failed (the learner's work is valid), and the fact is never a pass. Aborted, as
 * JUnit's own "not checked" outcome, so that JUnit, Surefire and the report agree.
 */
public final class NotChecked extends TestAbortedException {

    public NotChecked(String reason) {
        super(reason);
    }
}
