package org.sysnerd.dockerlabs.lessons;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.sysnerd.dockerlabs.assertions.LabFailure;

/** The lesson a lab assertion fails with, caught for a test to read its parts. */
final class Lesson {

    private Lesson() {
    }

    static LabFailure of(ThrowingCallable check) {
        LabFailure failure = catchThrowableOfType(LabFailure.class, check);
        if (failure == null) {
            throw new AssertionError("expected the check to fail with a lesson (LabFailure), and it held");
        }
        return failure;
    }
}
