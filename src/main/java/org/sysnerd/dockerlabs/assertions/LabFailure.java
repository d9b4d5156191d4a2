package org.sysnerd.dockerlabs.assertions;

/**
 * A lab's fact did not hold. Its parts are kept apart so that the report can show them:
 * what was expected, what was seen, why that may be (chosen from what was seen), and how to look.
 */
public final class LabFailure extends AssertionError {

    private final String expected;
    private final String seen;
    private final String why;
    private final String command;

    /** How much of what was seen the one-line message carries; the board and the report carry all of it. */
    private static final int SEEN_IN_MESSAGE = 160;

    public LabFailure(String expected, String seen, String why, String command) {
        // One line: Surefire and an IDE list it under the board, which already prints the whole lesson once.
        super("expected " + expected + "; seen " + cut(String.valueOf(seen)) + " (why, and the command to see it: the board above)");
        this.expected = expected;
        this.seen = seen;
        this.why = why;
        this.command = command;
    }

    private static String cut(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= SEEN_IN_MESSAGE ? line : line.substring(0, SEEN_IN_MESSAGE) + "…";
    }

    public String expected() {
        return expected;
    }

    public String seen() {
        return seen;
    }

    /** A likely reason, chosen from what was seen, or null. */
    public String why() {
        return why;
    }

    /** The command that shows the fact on the learner's terminal. */
    public String command() {
        return command;
    }
}
