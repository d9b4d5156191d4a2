package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import org.sysnerd.dockerlabs.facts.ContainerExit;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.probe.Journal;

/**
 * Q6's allocation past a limit: {@code docker run --memory 8m --memory-swap 8m alpine sh -c 'tail /dev/zero'}.
 * {@code tail} keeps the last lines of a file that has no newline, so it allocates until the kernel's OOM killer
 * ends it at the cgroup's 8 MiB. It starts only when the lab says so ({@link #startAllocating}), once the container
 * runs: started at once, it can hit the limit before containerd's shim watches the cgroup for OOM events, and
 * Docker then reports OOMKilled false with exit code 137 (measured on this 2-core host under load: 4 of 16; with
 * the start signal, 56 of 56 true). Never without its limit: the preflight blocks the lab when the daemon would
 * discard {@code --memory} (docker info), and the shell's address-space limit (64 MiB) is a second fence: without
 * the cgroup's limit, {@code tail} stops there with "out of memory" rather than eat the host's memory.
 */
public final class MemoryHog extends LabContainer<MemoryHog> {

    /** {@code --memory 8m}, and as much with swap ({@code --memory-swap 8m}): nothing to swap out to. */
    public static final long MEMORY = 8L << 20;
    /** How long it may take to be killed: tail fills 8 MiB in a fraction of a second. */
    public static final Duration ENDS_WITHIN = Duration.ofSeconds(10);
    /** The shell's {@code ulimit -v}, in KiB: eight times the cgroup's limit. */
    public static final long ADDRESS_SPACE_KIB = 65536;

    private static final String SIGNAL = "/oom-go";

    /** The allocation under its limits, started as is and waiting for {@link #startAllocating}. */
    public MemoryHog(String lab) {
        super(LabImage.ALPINE, lab, "oom");
        // PID 1 waits on a fifo for the start signal, then becomes tail; whichever side comes first makes the fifo.
        withCommand("sh", "-c", "ulimit -v " + ADDRESS_SPACE_KIB + " || exit 1; mkfifo " + SIGNAL + " 2>/dev/null; "
                + "read go < " + SIGNAL + " && exec tail /dev/zero");
        // --network none: an allocation needs no network, and the daemon starts the container without making one.
        withNetworkMode("none");
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(MEMORY).withMemorySwap(MEMORY));
        startedAsIs();
    }

    /** Lets PID 1 start allocating: {@code docker exec <name> sh -c 'echo go > /oom-go'} (at most 10 s). */
    public void startAllocating() {
        exec("timeout", "10", "sh", "-c", "mkfifo " + SIGNAL + " 2>/dev/null; echo go > " + SIGNAL);
    }

    /** Why it may have ended otherwise than OOM-killed, from how it ended; null when that says nothing more. */
    public static String whyNotOomKilled(ContainerExit exit) {
        if (exit.exitCode() == 1) {
            return "tail stopped at the shell's ulimit (docker logs: out of memory), not at the cgroup's limit";
        }
        return exit.exitCode() == ContainerExit.KILLED && !exit.oomKilled() ? "it was killed (SIGKILL), but Docker did not "
                + "record the kernel's OOM event for it: docker events --filter event=oom --since 10m" : null;
    }

    /** How it ended, or that it runs still. */
    public Seen<ContainerExit> exit() {
        InspectContainerResponse.ContainerState state = fresh().getState();
        long exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong();
        ContainerExit exit = new ContainerExit(state.getStatus(), exitCode, Boolean.TRUE.equals(state.getOOMKilled()));
        Journal.record("docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' " + name(),
                exit.status() + " " + exit.exitCode() + " " + exit.oomKilled());
        return new Seen<>(exit, "docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' " + name());
    }
}
