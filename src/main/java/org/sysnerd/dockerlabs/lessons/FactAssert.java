package org.sysnerd.dockerlabs.lessons;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.sysnerd.dockerlabs.assertions.SeenAssert;
import org.sysnerd.dockerlabs.facts.Seen;

/**
 * The base of the lab assertions on one seen fact: a failure is the kit's lesson ({@code LabFailure}: expected, seen,
 * why, see it yourself), written by {@link SeenAssert} so that every family fails in the same format.
 */
abstract class FactAssert<S extends FactAssert<S, T>, T> extends AbstractAssert<S, Seen<T>> {

    FactAssert(Seen<T> actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Fails with the lesson unless the fact holds; {@code why} chooses a reason from what was seen (or null). */
    final S holds(String expected, Predicate<? super T> holds, Function<? super T, String> why) {
        SeenAssert.assertThat(actual).is(expected, holds, why);
        return myself;
    }

    final S holds(String expected, Predicate<? super T> holds) {
        return holds(expected, holds, seen -> null);
    }

    /** The one part of the fact that {@code find} looks for, failing with the lesson when there is none. */
    final <R> R finds(String expected, Function<? super T, Optional<R>> find, Function<? super T, String> why) {
        return SeenAssert.assertThat(actual).has(expected, find, why);
    }

    /** What was seen. */
    public final T seen() {
        return actual.value();
    }

    /** Any seen fact, for a check with no family of its own. */
    static final class Of<T> extends FactAssert<Of<T>, T> {

        Of(Seen<T> seen) {
            super(seen, Of.class);
        }
    }
}
