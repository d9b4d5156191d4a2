package org.sysnerd.dockerlabs.preflight;

/**
 * How the host facts are read, as the preflight saw it: a probe chosen (what it says of itself: direct, or through a
 * helper container of the daemon), or none yet or at all, and why.
 */
public record Probe(String describe, boolean chosen) {

    /** The probe chosen, in its own words. */
    public static Probe chosen(String describe) {
        return new Probe(describe, true);
    }

    /** No probe: {@code none (why)}, or {@code none} when the finding that follows says why. */
    public static Probe none(String why) {
        return new Probe(why.isEmpty() ? "none" : "none (" + why + ")", false);
    }

    /** Before the host's side of the preflight chose one. */
    static Probe notChosenYet() {
        return new Probe("not chosen yet", false);
    }

    @Override
    public String toString() {
        return describe;
    }
}
