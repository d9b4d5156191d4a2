package org.sysnerd.dockerlabs.assertions;

/** Wording shared by the lab assertions. */
final class Lessons {

    private static final int SEEN_LIMIT = 2000;

    private Lessons() {
    }

    /** A seen value short enough to read in a terminal. */
    static String shorten(String seen) {
        return seen.length() <= SEEN_LIMIT ? seen : seen.substring(0, SEEN_LIMIT) + " … (" + seen.length() + " chars)";
    }
}
