package org.sysnerd.dockerlabs.facts;

/**
 * How a container ended, as {@code docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}'}
 * shows it, and whether {@code docker events} reported an {@code oom} for it. The kernel's OOM killer ends a process
 * with SIGKILL, exit code 137 (128 + 9); Docker reports the kill as an {@code oom} event, and as OOMKilled when that
 * event reaches it before the exit (Docker 20.10 handles them in the order containerd's shim sends them, which
 * under load is sometimes the exit first).
 *
 * @param oomEvent true when {@code docker events --filter event=oom} named the container
 */
public record ContainerExit(String status, long exitCode, boolean oomKilled, boolean oomEvent) {

    /** Exit code of a process killed by SIGKILL (128 + 9), as the OOM killer does. */
    public static final long KILLED = 137;

    /** True while the container's PID 1 runs (or has not started). */
    public boolean running() {
        return "running".equals(status) || "created".equals(status);
    }

    /** True once it has ended and, if it was killed, Docker has said whether the OOM killer did it. */
    public boolean reported() {
        return !running() && (exitCode != KILLED || oomKilled || oomEvent);
    }

    /** True when the OOM killer ended it: exit code 137, with OOMKilled or an oom event. */
    public boolean killedByOom() {
        return exitCode == KILLED && (oomKilled || oomEvent);
    }

    @Override
    public String toString() {
        return running() ? status : status + " (exit code " + exitCode + ", OOMKilled " + oomKilled
                + (oomEvent ? ", docker events: oom" : "") + ")";
    }
}
