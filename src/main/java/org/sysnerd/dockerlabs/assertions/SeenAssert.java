package org.sysnerd.dockerlabs.assertions;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.sysnerd.dockerlabs.facts.Seen;

/**
 * Assertions on a host fact. A failure reads as a lesson: what was expected, what was seen,
 * and the command that shows it on the learner's own terminal.
 */
public final class SeenAssert<T> extends AbstractAssert<SeenAssert<T>, Seen<T>> {

    SeenAssert(Seen<T> actual) {
        super(actual, SeenAssert.class);
    }

    /** Verifies the fact holds; {@code expected} says in words what it should be. */
    public SeenAssert<T> is(String expected, Predicate<? super T> holds) {
        isNotNull();
        if (!holds.test(actual.value())) {
            failLesson(expected);
        }
        return this;
    }

    /** Finds the one part of the fact that {@code find} looks for (a rule, a mount), failing when there is none. */
    public <R> R has(String expected, Function<? super T, Optional<R>> find) {
        isNotNull();
        Optional<R> found = find.apply(actual.value());
        if (found.isEmpty()) {
            failLesson(expected);
        }
        return found.get();
    }

    private void failLesson(String expected) {
        failWithMessage("%nExpected: %s%nSeen:     %s%nSee it yourself: %s",
                expected, Lessons.shorten(actual.toString()), actual.command());
    }
}
