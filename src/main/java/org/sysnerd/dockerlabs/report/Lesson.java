package org.sysnerd.dockerlabs.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure's message in its parts, as the labs write it: what was checked, then {@code Expected:}, {@code Seen:} and
 * {@code See it yourself:} lines (each part null when the message has no such line, e.g. a blocked lab's cause).
 */
public record Lesson(String what, String expected, String seen, String command) {

    public static final String EXPECTED = "Expected:";
    public static final String SEEN = "Seen:";
    public static final String WHY = "Why:";
    public static final String SEE_IT_YOURSELF = "See it yourself:";

    /** The parts of {@code message}; lines that are none of them make up {@code what}. */
    public static Lesson of(String message) {
        if (message == null || message.isBlank()) {
            return new Lesson(null, null, null, null);
        }
        List<String> what = new ArrayList<>();
        String expected = null;
        String seen = null;
        String command = null;
        for (String line : message.strip().lines().map(String::strip).toList()) {
            if (line.startsWith(EXPECTED)) {
                expected = after(line, EXPECTED);
            } else if (line.startsWith(SEEN)) {
                seen = after(line, SEEN);
            } else if (line.startsWith(SEE_IT_YOURSELF)) {
                command = after(line, SEE_IT_YOURSELF);
            } else if (!line.startsWith(WHY) && !line.isEmpty()) {
                what.add(line);
            }
        }
        return new Lesson(what.isEmpty() ? null : String.join("\n", what), expected, seen, command);
    }

    /** True when the message said what was expected and what was seen. */
    public boolean hasExpectedAndSeen() {
        return expected != null || seen != null;
    }

    private static String after(String line, String label) {
        return line.substring(label.length()).strip();
    }
}
