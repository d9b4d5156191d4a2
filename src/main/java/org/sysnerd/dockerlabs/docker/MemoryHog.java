package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sysnerd.dockerlabs.facts.ContainerExit;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * Q6's allocation past a limit: {@code docker run --memory 32m --memory-swap 32m alpine sh -c 'tail /dev/zero'}.
 * {@code tail} keeps the last lines of a file that has no newline, so it allocates until the kernel's OOM killer
 * ends it at the cgroup's 32 MiB. It starts only when the lab says so ({@link #startAllocating}), once the container
 * runs: started at once, it can hit the limit before containerd's shim watches the cgroup for OOM events, and
 * Docker then reports neither OOMKilled nor an oom event (measured on this 2-core host under load: 4 of 16).
 * Even then Docker 20.10 may handle the exit before the OOM event (2 of 15 suite runs under load): the oom event
 * still comes, so it is watched too ({@code docker events --filter event=oom}). Never without its limit: the
 * preflight blocks the lab when the daemon would discard {@code --memory} (docker info), and the shell's
 * address-space limit (64 MiB) is a second fence: without the cgroup's limit, {@code tail} stops there with
 * "out of memory" rather than eat the host's memory.
 */
public final class MemoryHog extends LabContainer<MemoryHog> {

    /**
     * {@code --memory 32m}, and as much with swap ({@code --memory-swap 32m}): nothing to swap out to. Not less: runc
     * 1.1 copies its own binary into a memfd charged to the container's cgroup, and under cgroup v2 (which charges
     * shmem and kernel memory too) a smaller limit kills runc's init before the container runs. Measured on Debian 13
     * (runc 1.1.15, 10.7 MB binary, cgroup v2, systemd driver): {@code docker run -m 8m} and {@code -m 10m} fail with
     * "OCI runtime create failed: … openat2 /sys/fs/cgroup/system.slice/docker-<id>.scope/cgroup.controllers: no such
     * file or directory" after the kernel's "Killed process (runc:[2:INIT]) … shmem-rss:8528kB"; 12m and up start.
     */
    public static final long MEMORY = 32L << 20;
    /** How long it may take to be killed: tail fills 32 MiB in a fraction of a second. */
    public static final Duration ENDS_WITHIN = TimeScale.of(Duration.ofSeconds(10));
    /** How long Docker may take to report an OOM kill once the container has ended (OOMKilled, or its oom event). */
    public static final Duration REPORTED_WITHIN = TimeScale.of(Duration.ofSeconds(5));
    /** The shell's {@code ulimit -v}, in KiB: eight times the cgroup's limit. */
    public static final long ADDRESS_SPACE_KIB = 8 * (MEMORY >> 10);

    private static final String SIGNAL = "/oom-go";
    private static final Duration SIGNAL_LIMIT = TimeScale.of(Duration.ofSeconds(10));

    /** The engine whose events and state tell how it ended. */
    private final Engine engine;
    /** Where its lab's commands are recorded. */
    private final Journal journal;
    private final AtomicBoolean oomEvent = new AtomicBoolean();
    private ResultCallback.Adapter<Event> oomEvents;

    /** The allocation under its limits, started as is and waiting for {@link #startAllocating}. */
    public MemoryHog(LabRun run, Engine engine, String lab, Journal journal) {
        super(run, LabImage.ALPINE, lab, "oom");
        this.engine = engine;
        this.journal = journal;
        // PID 1 waits on a fifo for the start signal, then becomes tail; whichever side comes first makes the fifo.
        // It waits 10 minutes at most: a run killed before its signal leaves no container waiting for ever.
        withCommand("sh", "-c", "ulimit -v " + ADDRESS_SPACE_KIB + " || exit 1; mkfifo " + SIGNAL + " 2>/dev/null; "
                + "timeout 600 sh -c 'read go < " + SIGNAL + "' && exec tail /dev/zero");
        // --network none: an allocation needs no network, and the daemon starts the container without making one.
        withNetworkMode("none");
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(MEMORY).withMemorySwap(MEMORY));
        startedAsIs();
    }

    /**
     * Watches {@code docker events} for its oom (replayed from a second before, then live), then lets PID 1 start
     * allocating: {@code docker exec <name> sh -c 'echo go > /oom-go'} (at most 10 s).
     */
    public void startAllocating() {
        String since = String.valueOf(Instant.now().getEpochSecond() - 1);
        oomEvents = engine.client().eventsCmd().withContainerFilter(getContainerId()).withEventFilter("oom")
                .withSince(since).exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        oomEvent.set(true);
                    }
                });
        String signal = "mkfifo " + SIGNAL + " 2>/dev/null; echo go > " + SIGNAL;
        Exec.Result sent = Exec.run(engine.client(), getContainerId(), List.of("sh", "-c", signal), List.of(), SIGNAL_LIMIT);
        journal.record("docker exec " + name() + " sh -c '" + signal + "'", sent.stdout() + sent.stderr());
        if (sent.exitCode() != 0) {
            throw new HostFactUnavailable("could not tell " + name() + " to start allocating: " + sent.stderr().strip());
        }
    }

    /** How it ended, or that it runs still. */
    public Seen<ContainerExit> exit() {
        InspectContainerResponse.ContainerState state = engine.client().inspectContainerCmd(getContainerId()).exec().getState();
        long exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong();
        ContainerExit exit = new ContainerExit(state.getStatus(), exitCode, Boolean.TRUE.equals(state.getOOMKilled()),
                oomEvent.get());
        journal.record("docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' " + name()
                + "; docker events --filter container=" + name() + " --filter event=oom --since 10m --until 0s",
                exit.status() + " " + exit.exitCode() + " " + exit.oomKilled() + (exit.oomEvent() ? "\n… oom" : ""));
        if (!exit.running() && exit.exitCode() == ContainerExit.KILLED && !exit.killedByOom() && !engine.info().reportsOomKills()) {
            throw new HostFactUnavailable(name() + " was killed (exit code 137), but " + engine.info().engineName()
                    + " reports no OOM kill (no OOMKilled, no oom event), so the kernel's OOM killer cannot be told from "
                    + "another SIGKILL here", "see this fact on Docker Engine, which reports the kill as OOMKilled or an oom event");
        }
        return new Seen<>(exit, "docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' " + name());
    }

    /** Stops watching its events, then removes it as every lab container is removed. */
    @Override
    public void stop(Journal journal) {
        if (oomEvents != null) {
            try {
                oomEvents.close();
            } catch (IOException e) {
                // the stream is gone already
            }
        }
        super.stop(journal);
    }
}
