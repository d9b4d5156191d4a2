package org.sysnerd.dockerlabs.assertions;

import org.sysnerd.dockerlabs.facts.Seen;

/** Entry point of the lab assertions: {@code assertThat(host.netNamespaceOf(pid)).is(...)}. */
public final class LabAssertions {

    private LabAssertions() {
    }

    /** Assertions on a host fact and the command that shows it. */
    public static <T> SeenAssert<T> assertThat(Seen<T> seen) {
        return new SeenAssert<>(seen);
    }
}
