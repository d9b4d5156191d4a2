package org.sysnerd.dockerlabs.subject;

import java.util.Arrays;

/** Whose containers the labs look at: the suite's own (the executable spec) or the learner's (their work). */
public enum LabMode {
    /** The suite starts its own containers, with unique names and free ports, and removes them. */
    SPEC,
    /** The labs grade, read-only, the containers the learner made by hand following the page. */
    LEARNER;

    /** The mode of this run, from {@code -Dlabs.mode} or {@code LABS_MODE}; {@code spec} by default. */
    public static LabMode current() {
        String value = Setting.MODE.value();
        return Arrays.stream(values()).filter(mode -> mode.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Setting.MODE.describe() + " is '" + value
                        + "', which is no mode: use spec (the suite's own containers) or learner (your own)"));
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
