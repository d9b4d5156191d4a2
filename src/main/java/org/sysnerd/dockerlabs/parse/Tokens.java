package org.sysnerd.dockerlabs.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule line into words, keeping a double-quoted comment as one word. Inside quotes iptables-save
 * escapes {@code "}, {@code \} and {@code '} with a backslash ({@code --comment "a 19\" rack"}).
 */
final class Tokens {

    private Tokens() {
    }

    static List<String> split(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == '"') {
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
