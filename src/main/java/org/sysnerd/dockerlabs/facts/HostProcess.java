package org.sysnerd.dockerlabs.facts;

/** A process as the host's {@code /proc} shows it: its PID there and its command name. */
public record HostProcess(long pid, String command) {

    @Override
    public String toString() {
        return "PID " + pid + " (" + command + ")";
    }
}
