package org.sysnerd.dockerlabs.parse;

import java.util.ArrayList;
import java.util.List;

/** Splits a rule line into words, keeping a double-quoted comment as one word. */
final class Tokens {

    private Tokens() {
    }

    static List<String> split(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
