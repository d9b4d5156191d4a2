package org.sysnerd.dockerlabs.facts;

import java.util.Map;

/** One line of a mount table: where, what file system, from what source, with which options. */
public record Mount(String mountPoint, String fsType, String source, Map<String, String> options) {

    public Mount {
        options = Map.copyOf(options);
    }

    /** The value of a mount option such as {@code upperdir}, or null. */
    public String option(String name) {
        return options.get(name);
    }

    @Override
    public String toString() {
        return source + " on " + mountPoint + " type " + fsType;
    }
}
