package org.sysnerd.dockerlabs.facts;

/** A container's state as {@code docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Pid}}'} shows it. */
public record ContainerState(String status, long exitCode, long pid) {

    /** True while the container's PID 1 runs. */
    public boolean running() {
        return "running".equals(status);
    }

    @Override
    public String toString() {
        return running() ? "running, PID " + pid : status + " (exit code " + exitCode + ")";
    }
}
