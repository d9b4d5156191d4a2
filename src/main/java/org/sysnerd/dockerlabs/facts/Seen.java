package org.sysnerd.dockerlabs.facts;

/**
 * A host fact together with the command a learner runs to see it for themselves,
 * e.g. a net namespace seen with {@code sudo ls -l /proc/4242/ns/net}. A fact that is not there
 * (no such interface) is a null value, seen as "none".
 */
public record Seen<T>(T value, String command) {

    @Override
    public String toString() {
        return value == null || value instanceof java.util.Collection<?> c && c.isEmpty() ? "none" : String.valueOf(value);
    }
}
