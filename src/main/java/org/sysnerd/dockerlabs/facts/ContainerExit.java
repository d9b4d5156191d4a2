package org.sysnerd.dockerlabs.facts;

/**
 * How a container ended, as {@code docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}'}
 * shows it: the kernel's OOM killer ends it with SIGKILL, exit code 137 (128 + 9), and Docker sets OOMKilled.
 */
public record ContainerExit(String status, long exitCode, boolean oomKilled) {

    /** Exit code of a process killed by SIGKILL (128 + 9), as the OOM killer does. */
    public static final long KILLED = 137;

    /** True while the container's PID 1 runs. */
    public boolean running() {
        return "running".equals(status) || "created".equals(status);
    }

    @Override
    public String toString() {
        return running() ? status : status + " (exit code " + exitCode + ", OOMKilled " + oomKilled + ")";
    }
}
