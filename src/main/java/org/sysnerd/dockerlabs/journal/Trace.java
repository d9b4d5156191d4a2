package org.sysnerd.dockerlabs.journal;

import org.sysnerd.dockerlabs.settings.Setting;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Where a run's time goes, for {@code bench/bench.sh}: with {@code -Dlabs.trace=FILE} every phase of the run
 * (the preflight's steps, the probe's helper, each lab's containers and facts, the clean-up at exit) appends one
 * line {@code <epoch seconds> <event>} to FILE, and the JVM's own start at the end. Without the property it does nothing.
 */
public final class Trace {

    private static final Path FILE = file();

    private Trace() {
    }

    private static Path file() {
        String set = Setting.TRACE.value();
        if (set == null) {
            return null;
        }
        return Path.of(set);
    }

    /** True when the run is traced. */
    public static boolean on() {
        return FILE != null;
    }

    /** Notes that this happened now, e.g. {@code Q3 containers started}. */
    public static void mark(String event) {
        if (FILE != null) {
            append(FILE, Instant.now(), event);
        }
    }

    /**
     * Notes when this JVM started (its own record, to the millisecond), once the run's work is done: reading it loads
     * the management API's classes, which the run it measures should not.
     */
    public static void jvmStarted() {
        if (FILE != null) {
            append(FILE, Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), "jvm start");
        }
    }

    private static synchronized void append(Path file, Instant at, String event) {
        String line = at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000) + " " + event + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("docker-labs: could not write the trace " + file + ": " + e);
        }
    }
}
