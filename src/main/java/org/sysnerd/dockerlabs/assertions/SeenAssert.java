package org.sysnerd.dockerlabs.assertions;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.sysnerd.dockerlabs.facts.Seen;

/**
 * Assertions on a host fact. A failure reads as a lesson: what was expected, what was seen,
 * why that may be, and the command that shows it on the learner's own terminal.
 */
public final class SeenAssert<T> extends AbstractAssert<SeenAssert<T>, Seen<T>> {

    SeenAssert(Seen<T> actual) {
        super(actual, SeenAssert.class);
    }

    /** Assertions on a host fact and the command that shows it; the lab assertions build on it (lessons/). */
    public static <T> SeenAssert<T> assertThat(Seen<T> seen) {
        return new SeenAssert<>(seen);
    }

    /** Verifies the fact holds; {@code expected} says in words what it should be. */
    public SeenAssert<T> is(String expected, Predicate<? super T> holds) {
        return is(expected, holds, seen -> null);
    }

    /** As {@link #is(String, Predicate)}, with a reason for the failure chosen from what was seen. */
    public SeenAssert<T> is(String expected, Predicate<? super T> holds, Function<? super T, String> why) {
        isNotNull();
        if (!holds.test(actual.value())) {
            throw lesson(expected, why.apply(actual.value()));
        }
        return this;
    }

    /** Finds the one part of the fact that {@code find} looks for (a rule, a mount), failing when there is none. */
    public <R> R has(String expected, Function<? super T, Optional<R>> find) {
        return has(expected, find, seen -> null);
    }

    /** As {@link #has(String, Function)}, with a reason for the failure chosen from what was seen. */
    public <R> R has(String expected, Function<? super T, Optional<R>> find, Function<? super T, String> why) {
        isNotNull();
        return find.apply(actual.value()).orElseThrow(() -> lesson(expected, why.apply(actual.value())));
    }

    private LabFailure lesson(String expected, String why) {
        String description = info.descriptionText();
        return new LabFailure(description.isEmpty() ? expected : description + ": " + expected,
                Lessons.shorten(actual.toString()), why, actual.command());
    }
}
