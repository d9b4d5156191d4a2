package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.ContainerState;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.probe.HostFactUnavailable;
import org.sysnerd.dockerlabs.probe.Journal;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * A container the suite starts: uniquely named, labelled with the suite, the run and its owner process,
 * and removed by the suite (Testcontainers' reaper may be off). Its domain helpers read what
 * {@code docker inspect} says of it.
 */
public class LabContainer<SELF extends LabContainer<SELF>> extends GenericContainer<SELF> {

    /** How long a lab container may take to start: seconds, not Testcontainers' default minutes. */
    public static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final String name;
    private boolean shared;
    /** The labs looking at this shared container now; guarded by this. */
    private int holders;
    /** Why its start failed, for the other labs that look at it; guarded by this. */
    private RuntimeException startFailure;

    protected LabContainer(LabImage image, String lab, String role) {
        super(image.upstream());
        this.name = LabRun.current().containerName(lab, role);
        Map<String, String> labels = LabRun.current().labels(lab);
        withLabels(labels);
        withCreateContainerCmdModifier(cmd -> cmd.withName(name));
        // Testcontainers' reaper spares only reusable containers (and only with TESTCONTAINERS_REUSE_ENABLE=true);
        // the unique name and run label keep a kept container from ever being reused by another run.
        withReuse(LabRun.current().keepsContainers());
        withStartupTimeout(START_LIMIT);
        withStartupCheckStrategy(RunningCheck.within(START_LIMIT));
    }

    /** Shares the container among labs: it is removed when the last lab looking at it ends. */
    protected SELF sharedAmongLabs() {
        shared = true;
        return self();
    }

    /** True when several labs look at this container. */
    public boolean shared() {
        return shared;
    }

    /** A lab begins to look at this shared container (it starts it, or finds it started). */
    public synchronized void hold() {
        holders++;
    }

    /**
     * A lab is done with this shared container: it is removed once no lab looks at it. A lab that holds it
     * later starts it afresh (a run with labs one after another, not at once).
     */
    public synchronized void release() {
        if (--holders == 0) {
            stop();
        }
    }

    /** Starts the container once, however many labs ask at the same time; a failed start fails them all. */
    @Override
    public synchronized void start() {
        if (startFailure != null) {
            throw new IllegalStateException("container " + name + " did not start: " + startFailure.getMessage(), startFailure);
        }
        if (getContainerId() == null) {
            try {
                super.start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
    }

    /**
     * How long the container has been up, on the daemon's clock: {@code docker info}'s SystemTime, read first,
     * minus the container's StartedAt. A container never restarted that is seen running after this call has
     * been up at least that long (the daemon's clock, not this machine's: Docker Desktop's VM, a remote host).
     */
    public Duration uptime() {
        String now = getDockerClient().infoCmd().exec().getSystemTime();
        String startedAt = fresh().getState().getStartedAt();
        Duration up = Duration.between(OffsetDateTime.parse(startedAt), OffsetDateTime.parse(now));
        Journal.record("docker info -f '{{.SystemTime}}'; docker inspect -f '{{.State.StartedAt}}' " + name,
                now + "\n" + startedAt);
        return up;
    }

    /** The container's unique name, e.g. {@code docker-labs-q1-web-1a2b3c-1}. */
    public String name() {
        return name;
    }

    /** The container's PID in the host's PID namespace ({@code docker inspect -f '{{.State.Pid}}'}). */
    public long hostPid() {
        long pid = fresh().getState().getPidLong();
        Journal.record("docker inspect -f '{{.State.Pid}}' " + name, String.valueOf(pid));
        return pid;
    }

    /** Runs a command inside ({@code docker exec}); returns its output, failing unless it exits 0. */
    public String exec(String... command) {
        String line = "docker exec " + name + " " + String.join(" ", Arrays.stream(command).map(LabContainer::quoted).toList());
        try {
            ExecResult result = execInContainer(command);
            Journal.record(line, result.getStdout());
            if (result.getExitCode() != 0) {
                throw new HostFactUnavailable("`" + line + "` exited " + result.getExitCode() + ": " + result.getStderr().strip());
            }
            return result.getStdout().strip();
        } catch (java.io.IOException e) {
            throw new HostFactUnavailable("`" + line + "` failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostFactUnavailable("interrupted during `" + line + "`", e);
        }
    }

    /** An argument as a shell needs it, so that the recorded command line can be pasted. */
    private static String quoted(String argument) {
        return argument.matches("[A-Za-z0-9_./:=@%+,-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }

    /**
     * The container's address on the default bridge ({@code docker inspect -f '{{.NetworkSettings.IPAddress}}'}),
     * or null: the one Docker gave it at its start, which it keeps while it runs.
     */
    public String ip() {
        var bridge = getContainerInfo().getNetworkSettings().getNetworks().get(Engine.defaultBridge().network());
        String ip = bridge == null || bridge.getIpAddress() == null || bridge.getIpAddress().isEmpty() ? null : bridge.getIpAddress();
        Journal.record("docker inspect -f '{{.NetworkSettings.IPAddress}}' " + name, ip);
        return ip;
    }

    /** The container's state now, and how a learner sees it. */
    public Seen<ContainerState> state() {
        InspectContainerResponse.ContainerState state = fresh().getState();
        long exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong();
        ContainerState seen = new ContainerState(state.getStatus(), exitCode, state.getPidLong());
        Journal.record("docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Pid}}' " + name,
                seen.status() + " " + seen.exitCode() + " " + seen.pid());
        return new Seen<>(seen, "docker ps -a --filter name=" + name);
    }

    /** A fresh {@code docker inspect} of the container (Testcontainers' own copy is taken once, at start). */
    public InspectContainerResponse fresh() {
        return getDockerClient().inspectContainerCmd(getContainerId()).exec();
    }

    /** Removes the container at the end of its lab, unless the run keeps containers for replaying by hand. */
    @Override
    public void stop() {
        if (!LabRun.current().keepsContainers()) {
            remove();
        }
    }

    /** Removes the container now ({@code docker rm -f}), as a lab step; once removed, it is not removed again. */
    public synchronized void remove() {
        if (getContainerId() == null && startFailure == null) {
            return;
        }
        Journal.record("docker rm -f " + name, "");
        super.stop();
        startFailure = null;
    }

    /** Starts without waiting for anything but the start itself: the lab observes what happens next. */
    public SELF startedAsIs() {
        withStartupCheckStrategy(RunningCheck.asIs());
        return notWaitingForItsService();
    }

    /**
     * Counts as started once it runs, without Testcontainers' wait for its ports (which execs into the
     * container): whether its service answers is the lab's to check.
     */
    protected SELF notWaitingForItsService() {
        waitingFor(new AbstractWaitStrategy() {
            @Override
            protected void waitUntilReady() {
            }
        });
        return self();
    }
}
