package org.sysnerd.dockerlabs.subject;

import org.sysnerd.dockerlabs.settings.Setting;
import java.util.Arrays;

/** Whose containers the labs look at: the suite's own (the executable spec) or the learner's (their work). */
public enum LabMode {
    /** The suite starts its own containers, with unique names and free ports, and removes them. */
    SPEC,
    /** The labs grade, read-only, the containers the learner made by hand following the page. */
    LEARNER;

    /** The mode a setting's value names, whatever its case. */
    public static LabMode of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Setting.MODE.describe() + " is '" + value
                        + "', which is no mode: use spec (the suite's own containers) or learner (your own)"));
    }

    /**
     * True when the labs start containers of the suite's own (Testcontainers', with its reaper and images); the
     * learner mode starts none: it looks at the learner's, and at most runs the daemon-side probe's helper.
     */
    public boolean startsLabContainers() {
        return this == SPEC;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
