package org.sysnerd.dockerlabs.lessons;

import org.sysnerd.dockerlabs.facts.ContainerExit;
import org.sysnerd.dockerlabs.facts.Seen;

/** How a container ended, as Docker reports it: its state, exit code, OOMKilled, and its oom event (Q6). */
public final class ContainerExitAssert extends FactAssert<ContainerExitAssert, ContainerExit> {

    ContainerExitAssert(Seen<ContainerExit> exit) {
        super(exit, ContainerExitAssert.class);
    }

    public static ContainerExitAssert assertThat(Seen<ContainerExit> exit) {
        return new ContainerExitAssert(exit);
    }

    /** It runs no more. */
    public ContainerExitAssert hasEnded() {
        return holds("it to end", e -> !e.running());
    }

    /** Docker said how it ended: OOMKilled, or an oom event. */
    public ContainerExitAssert isReported() {
        return holds("OOMKilled or an oom event", ContainerExit::reported);
    }

    /** The kernel's OOM killer ended it, as Docker reports it. */
    public ContainerExitAssert isOomKilled() {
        return holds("exit code " + ContainerExit.KILLED + ", OOM-killed (OOMKilled true, or docker events: oom)",
                ContainerExit::killedByOom, ContainerExitAssert::whyNotOomKilled);
    }

    /** Why it may have ended otherwise than OOM-killed, from how it ended; null when that says nothing more. */
    static String whyNotOomKilled(ContainerExit exit) {
        if (exit.exitCode() == 1) {
            return "tail stopped at the shell's ulimit (docker logs: out of memory), not at the cgroup's limit";
        }
        return exit.exitCode() == ContainerExit.KILLED ? "it was killed (SIGKILL), but Docker reported no OOM kill: "
                + "neither OOMKilled nor an oom event (docker events --filter event=oom --since 10m --until 0s)" : null;
    }
}
