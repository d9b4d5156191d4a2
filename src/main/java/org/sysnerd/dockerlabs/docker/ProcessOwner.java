package org.sysnerd.dockerlabs.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that made a container, as a label: host name, PID and the process's start time.
 * The start time tells a live owner from a dead one whose PID has been reused.
 */
public record ProcessOwner(String host, long pid, long startMillis) {

    /** This JVM. */
    public static ProcessOwner self() {
        ProcessHandle me = ProcessHandle.current();
        return new ProcessOwner(hostName(), me.pid(), startMillis(me));
    }

    /** The name this host gives itself, as the owner labels of its processes carry it. */
    public static String thisHost() {
        return hostName();
    }

    /** Reads a label written by {@link #label()}; empty when it is not one. */
    public static Optional<ProcessOwner> parse(String label) {
        String[] parts = label == null ? new String[0] : label.split("/");
        try {
            return parts.length == 3
                    ? Optional.of(new ProcessOwner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The label value: {@code host/pid/startMillis}. */
    public String label() {
        return host + "/" + pid + "/" + startMillis;
    }

    /** True when this owner ran on this host and is still alive (the same PID started at the same time). */
    public boolean isAliveHere() {
        return host.equals(hostName())
                && ProcessHandle.of(pid).map(p -> startMillis(p) == startMillis).orElse(false);
    }

    /** This process's user id, from /proc/self/status; "?" when unknown. */
    public static String uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
