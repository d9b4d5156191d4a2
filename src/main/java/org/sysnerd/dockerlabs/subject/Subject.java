package org.sysnerd.dockerlabs.subject;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.Exec;
import org.sysnerd.dockerlabs.docker.GraphDriverDirs;
import org.sysnerd.dockerlabs.docker.ImageReads;
import org.sysnerd.dockerlabs.facts.ContainerLife;
import org.sysnerd.dockerlabs.facts.ContainerState;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.LinkIndexes;
import org.sysnerd.dockerlabs.facts.Pid1;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.parse.InspectParser;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * A container a lab looks at: one the suite starts (the executable spec) or one the learner made by hand
 * (their work, read-only). The labs ask both the same questions, each answered like the learner's own
 * {@code docker inspect} or {@code docker exec}, and recorded for the replay script.
 */
public abstract sealed class Subject permits SuiteSubject, LearnerSubject {

    /** The engine the container runs on. */
    protected final Engine engine;
    /** Where the commands run on a lab's behalf are recorded: each lab has a view of its own ({@link #journaling}). */
    protected final Journal journal;

    Subject(Engine engine, Journal journal) {
        this.engine = engine;
        this.journal = journal;
    }

    /** The same container, recording the commands run on it in {@code journal} (a lab's). */
    public abstract Subject journaling(Journal journal);

    /** How long one {@code docker exec} may take. */
    private static final Duration EXEC_LIMIT = TimeScale.of(Duration.ofSeconds(10));

    /** The container's ID; the lab has started or found it. */
    public abstract String id();

    /** The container's name: the learner's ({@code web}) or the suite's unique one. */
    public abstract String name();

    /** How long a lab may watch it change: the suite's container is watched; the learner's is graded as it is. */
    public abstract Duration patience(Duration limit);

    /** A fresh {@code docker inspect}. */
    public InspectedContainer inspect() {
        InspectedContainer seen = InspectParser.container(engine.inspectRaw(id()));
        journal.record("docker inspect " + name(), seen.toString());
        return seen;
    }

    /** The container's PID in the host's PID namespace ({@code docker inspect -f '{{.State.Pid}}'}). */
    public long hostPid() {
        return inspect().state().pid();
    }

    /** Its address on the engine's default network ({@code docker inspect -f '{{.NetworkSettings.IPAddress}}'}), or null. */
    public String ip() {
        return inspect().addressOn(engine.defaultBridge().network());
    }

    /** Its state now, and how a learner sees it. */
    public Seen<ContainerState> state() {
        return new Seen<>(inspect().state(), "docker ps -a --filter name=^" + name() + "$");
    }

    /** The host port its port 80/tcp is published on ({@code docker port NAME 80/tcp}). */
    public int publishedPort() {
        return inspect().published().stream().filter(p -> p.containerPort() == 80 && "tcp".equals(p.protocol()))
                .findFirst().orElseThrow(() -> new HostFactUnavailable(name() + " publishes no port 80/tcp (docker port "
                        + name() + ")")).hostPort();
    }

    /**
     * How long it has been up, on the daemon's clock ({@code docker info}'s SystemTime, read first, minus its
     * StartedAt): the daemon's clock, not this machine's (Docker Desktop's VM, a remote host).
     */
    public Duration uptime() {
        Instant now = Instant.parse(String.valueOf(engine.infoRaw().get("SystemTime")));
        Instant started = inspect().startedAt();
        journal.record("docker info -f '{{.SystemTime}}'", now.toString());
        return started == null ? Duration.ZERO : Duration.between(started, now);
    }

    /**
     * How long its PID 1 ran, once it exited, told apart from the runtime's start by the daemon's events about it
     * ({@code docker events}, read up to now on the daemon's clock): the daemon's word, read-only.
     */
    public Seen<ContainerLife> life() {
        InspectedContainer exited = inspect();
        Instant now = Instant.parse(String.valueOf(engine.infoRaw().get("SystemTime")));
        ContainerLife life = ContainerLife.of(exited, engine.containerEvents(exited.id(), exited.startedAt().minusSeconds(1), now));
        String command = "docker inspect -f '{{.State.StartedAt}} {{.State.FinishedAt}}' " + name()
                + "; docker events --filter container=" + name() + " --since 10m --until 0s";
        journal.record(command, exited.startedAt() + " " + exited.finishedAt() + "\n" + life);
        return new Seen<>(life, command);
    }

    /** The layers of its image ({@code docker image inspect IMAGE -f '{{.RootFS.Layers}}'}). */
    public List<String> imageLayers() {
        InspectedContainer container = inspect();
        List<String> layers = ImageReads.layers(engine, container.imageId());
        journal.record("docker image inspect " + container.image() + " -f '{{.RootFS.Layers}}'", String.join(" ", layers));
        return layers;
    }

    /** The image's default command ({@code docker image inspect IMAGE -f '{{.Config.Cmd}}'}). */
    public List<String> imageCommand() {
        InspectedContainer container = inspect();
        List<String> command = ImageReads.command(engine, container.imageId());
        journal.record("docker image inspect " + container.image() + " -f '{{json .Config.Cmd}}'", command.toString());
        return command;
    }

    /** Where Docker says its rootfs lives ({@code docker inspect -f '{{json .GraphDriver.Data}}'}). */
    public GraphDriverDirs rootfs() {
        return GraphDriverDirs.of(id(), engine);
    }

    /** PID 1 seen from inside ({@code docker exec NAME sh -c 'cat /proc/1/comm && readlink /proc/1/ns/net'}). */
    public Seen<Pid1> pid1Inside() {
        return new Seen<>(Pid1.parse(exec("sh", "-c", "cat /proc/1/comm && readlink /proc/1/ns/net")),
                "docker exec " + name() + " sh -c 'cat /proc/1/comm && readlink /proc/1/ns/net'");
    }

    /** Its eth0's index and its peer's, seen from inside. */
    public Seen<LinkIndexes> eth0Inside() {
        return new Seen<>(LinkIndexes.parse(exec("cat", "/sys/class/net/eth0/ifindex", "/sys/class/net/eth0/iflink")),
                "docker exec " + name() + " cat /sys/class/net/eth0/ifindex /sys/class/net/eth0/iflink");
    }

    /** Runs a command inside ({@code docker exec}), which must exit 0; returns what it printed. */
    public String exec(String... command) {
        String line = "docker exec " + name() + " " + Arrays.stream(command).map(Exec::quoted).collect(Collectors.joining(" "));
        Exec.Result result = Exec.run(engine.client(), id(), List.of(command), List.of(), EXEC_LIMIT);
        journal.record(line, result.stdout());
        if (result.exitCode() != 0) {
            throw new HostFactUnavailable("`" + line + "` exited " + result.exitCode() + ": " + result.stderr().strip());
        }
        return result.stdout().strip();
    }

    /** Removes it ({@code docker rm -f}), as a lab step: only ever a container the suite started. */
    public abstract void remove();

    /** {@code docker update --memory <bytes>}, as a lab step: only ever a container the suite started. */
    public abstract void updateMemory(long bytes);

    @Override
    public String toString() {
        return name();
    }
}
