package org.sysnerd.dockerlabs.facts;

/** PID 1 as the container sees it from inside: its command name and its net namespace. */
public record Pid1(String command, NetNamespace net) {

    /** Reads the output of {@code sh -c 'cat /proc/1/comm && readlink /proc/1/ns/net'}. */
    public static Pid1 parse(String output) {
        String[] lines = output.strip().split("\\R");
        if (lines.length != 2) {
            throw new IllegalArgumentException("expected two lines (comm, ns/net link), got: '" + output.strip() + "'");
        }
        return new Pid1(lines[0].strip(), NetNamespace.fromLink(lines[1]));
    }

    @Override
    public String toString() {
        return "PID 1 (" + command + ") " + net;
    }
}
