package org.sysnerd.dockerlabs.facts;

/** A container's state as {@code docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Pid}}'} shows it. */
public record ContainerState(String status, long exitCode, long pid) {

    /** True once its PID 1 has run and ended ({@code exited}); not for a container created and never started. */
    public boolean exited() {
        return "exited".equals(status);
    }

    /** True for a container made ({@code docker create}) but never started. */
    public boolean neverStarted() {
        return "created".equals(status);
    }

    /** True while the container's PID 1 runs. */
    public boolean running() {
        return "running".equals(status);
    }

    @Override
    public String toString() {
        return running() || "paused".equals(status) ? status + ", PID " + pid : status + " (exit code " + exitCode + ")";
    }
}
