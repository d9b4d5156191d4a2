package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import org.sysnerd.dockerlabs.facts.ContainerExit;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.probe.Journal;

/**
 * Q6's allocation past a limit: {@code docker run --memory 8m --memory-swap 8m alpine sh -c 'ulimit -v 65536 && tail
 * /dev/zero'}. {@code tail} keeps the last lines of a file that has no newline, so it allocates until the kernel's
 * OOM killer ends it at the cgroup's 8 MiB. Never without its limit: the preflight blocks the lab when the daemon
 * would discard {@code --memory} (docker info), and the shell's address-space limit (64 MiB) is a second fence:
 * without the cgroup's limit, {@code tail} would stop there with "out of memory", not eat the host's memory.
 */
public final class MemoryHog extends LabContainer<MemoryHog> {

    /** {@code --memory 8m}, and as much with swap ({@code --memory-swap 8m}): nothing to swap out to. */
    public static final long MEMORY = 8L << 20;
    /** How long it may take to be killed: tail fills 8 MiB in a fraction of a second. */
    public static final Duration ENDS_WITHIN = Duration.ofSeconds(10);
    /** The shell's {@code ulimit -v}, in KiB: eight times the cgroup's limit. */
    public static final long ADDRESS_SPACE_KIB = 65536;

    /** The allocation, under its limits, started as is: the lab watches how it ends. */
    public MemoryHog(String lab) {
        super(LabImage.ALPINE, lab, "oom");
        withCommand("sh", "-c", "ulimit -v " + ADDRESS_SPACE_KIB + " && tail /dev/zero");
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(MEMORY).withMemorySwap(MEMORY));
        startedAsIs();
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
