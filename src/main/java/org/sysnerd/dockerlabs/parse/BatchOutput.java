package org.sysnerd.dockerlabs.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The output of one command that answered for several paths at once (one {@code docker exec} on the daemon's host
 * instead of one each), split back into one answer per path, in the order asked. Empty when the output does not
 * hold exactly one answer per path: the caller then asks for each path alone rather than guess.
 */
public final class BatchOutput {

    private BatchOutput() {
    }

    /** {@code realpath -e A B C}'s output: one line per path asked. */
    public static Optional<List<String>> lines(String stdout, int asked) {
        if (asked == 0) {
            return stdout.isEmpty() ? Optional.of(List.of()) : Optional.empty();
        }
        if (!stdout.endsWith("\n")) {
            return Optional.empty();
        }
        List<String> lines = List.of(stdout.substring(0, stdout.length() - 1).split("\n", -1));
        return lines.size() == asked && lines.stream().noneMatch(String::isEmpty) ? Optional.of(lines) : Optional.empty();
    }

    /**
     * Files printed one after another, each followed by a NUL ({@code cat A; printf '\0'; cat B; printf '\0'}): each
     * file's text. A NUL inside a file (e.g. {@code /proc/<pid>/cmdline}) makes the count differ, hence empty.
     */
    public static Optional<List<String>> nulTerminated(String stdout, int asked) {
        if (!stdout.endsWith("\0") && asked > 0 || asked == 0 && !stdout.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = asked == 0 ? List.of() : Arrays.asList(stdout.substring(0, stdout.length() - 1).split("\0", -1));
        return texts.size() == asked ? Optional.of(List.copyOf(texts)) : Optional.empty();
    }
}
