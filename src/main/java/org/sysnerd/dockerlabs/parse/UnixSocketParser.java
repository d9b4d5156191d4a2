package org.sysnerd.dockerlabs.parse;

import java.util.ArrayList;
import java.util.List;
import org.sysnerd.dockerlabs.facts.UnixListener;

/**
 * Parses {@code /proc/net/unix} ({@code Num RefCount Protocol Flags Type St Inode Path}): the listening stream
 * sockets bound to a path. A listener has {@code __SO_ACCEPTCON} (0x10000) in its flags and state 01 (unconnected);
 * the connections it accepted carry the same path with state 03, and are no listeners.
 */
public final class UnixSocketParser {

    private static final int ACCEPTING = 0x10000;
    private static final String STREAM = "0001";
    private static final String UNCONNECTED = "01";

    private UnixSocketParser() {
    }

    /** The listening stream sockets that have a path (abstract ones, {@code @name}, left out). */
    public static List<UnixListener> listeners(String procNetUnix) {
        List<UnixListener> listeners = new ArrayList<>();
        for (String line : procNetUnix.lines().skip(1).toList()) {
            String[] fields = line.strip().split("\\s+", 8);
            if (fields.length < 8 || fields[7].startsWith("@")) {
                continue;
            }
            boolean accepting = (Integer.parseUnsignedInt(fields[3], 16) & ACCEPTING) != 0;
            if (accepting && STREAM.equals(fields[4]) && UNCONNECTED.equals(fields[5])) {
                listeners.add(new UnixListener(Long.parseLong(fields[6]), fields[7]));
            }
        }
        return listeners;
    }
}
