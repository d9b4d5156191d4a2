package org.sysnerd.dockerlabs.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.Mount;

/**
 * Parses {@code /proc/<pid>/mountinfo} (proc(5)):
 * <pre>{@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - overlay overlay rw,lowerdir=...,upperdir=...}</pre>
 * Fields before {@code -} are per mount, after it per super block; options are the super block's.
 */
public final class MountInfoParser {

    private MountInfoParser() {
    }

    /** Every mount of the table, in order. */
    public static List<Mount> parse(String mountinfo) {
        return mountinfo.lines().filter(line -> !line.isBlank()).map(MountInfoParser::parseLine).toList();
    }

    static Mount parseLine(String line) {
        String[] fields = line.strip().split(" ");
        int separator = List.of(fields).indexOf("-");
        if (separator < 6 || fields.length < separator + 3) {
            throw new IllegalArgumentException("not a mountinfo line: '" + line + "'");
        }
        String superOptions = fields.length > separator + 3 ? fields[separator + 3] : "";
        return new Mount(unescape(fields[4]), fields[separator + 1], unescape(fields[separator + 2]),
                options(superOptions));
    }

    private static Map<String, String> options(String list) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : list.split(",")) {
            int eq = option.indexOf('=');
            if (!option.isEmpty()) {
                options.put(eq < 0 ? option : option.substring(0, eq), eq < 0 ? "" : unescape(option.substring(eq + 1)));
            }
        }
        return options;
    }

    /** The kernel writes space, tab, newline and backslash in paths as octal escapes ({@code \040}). */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
