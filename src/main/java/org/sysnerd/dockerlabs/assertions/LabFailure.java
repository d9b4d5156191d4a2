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

    public LabFailure(String expected, String seen, String why, String command) {
        // One line, what was expected: Surefire and an IDE list it under the board, which prints the whole lesson once.
        super("expected " + expected + " (what was seen, why, and how to look: on the board)");
        this.expected = expected;
        this.seen = seen;
        this.why = why;
        this.command = command;
    }

    /**
     * The whole lesson, which {@link #toString()} and so every stack trace carry (Surefire's XML, an IDE's failure
     * view); {@link #getMessage()} stays the one line that lists it under the board.
     */
    @Override
    public String getLocalizedMessage() {
        return String.format("%s%nExpected: %s%nSeen:     %s%s%nSee it yourself: %s", getMessage(), expected, seen,
                why == null ? "" : String.format("%nWhy:      %s", why), command);
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
