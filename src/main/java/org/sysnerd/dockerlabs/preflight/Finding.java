package org.sysnerd.dockerlabs.preflight;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One preflight check: what it found, and when it blocks labs, which needs it blocks and the fix.
 *
 * @param blocks the needs this finding makes impossible (empty when it is only information)
 * @param fix    one or two lines a learner can act on, or null
 */
public record Finding(String check, String found, Set<Need> blocks, String fix) {

    public Finding {
        blocks = blocks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(blocks));
    }

    /** A finding that blocks nothing. */
    public static Finding ok(String check, String found) {
        return new Finding(check, found, Set.of(), null);
    }

    /** A finding that blocks the given needs. */
    public static Finding blocking(String check, String found, String fix, Need... needs) {
        return new Finding(check, found, Set.of(needs), fix);
    }

    /** True when this finding blocks any lab. */
    public boolean isBlocking() {
        return !blocks.isEmpty();
    }

    @Override
    public String toString() {
        return check + ": " + found + (fix == null ? "" : " — " + fix);
    }
}
