package org.sysnerd.dockerlabs.report;

/**
 * A fact that did not hold, in its parts, as the lab's assertion made them ({@code assertions/LabFailure}): the fact
 * (with a timeout's note when a wait for it ran out), what was expected, what was seen, and the command that shows
 * it. The likely reason, chosen from what was seen, is the result's hint. Carried to the report as it is, never
 * parsed back out of the message, which is {@link #text()}.
 */
public record Lesson(String fact, String expected, String seen, String command) {

    /** True when it says what was expected and what was seen (a message that is no lesson says neither). */
    public boolean hasExpectedAndSeen() {
        return expected != null || seen != null;
    }

    /** The message of a failed fact: the fact, then its Expected, Seen and See it yourself lines. */
    public String text() {
        return fact + "\nExpected: " + expected + "\nSeen: " + seen + "\nSee it yourself: " + command;
    }
}
