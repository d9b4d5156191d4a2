package org.sysnerd.dockerlabs.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container as {@code docker inspect} shows it: what the labs look at, and what a read-only grading must
 * leave as it was.
 *
 * @param image      the reference it was run from ({@code Config.Image}, e.g. {@code nginx} or {@code nginx:1.27})
 * @param imageId    the image's ID ({@code Image}, {@code sha256:...})
 * @param startedAt  {@code State.StartedAt}, or null when it never started
 * @param finishedAt {@code State.FinishedAt}, or null when it never stopped
 * @param command    {@code Config.Cmd}: the image's default unless one was given to {@code docker run}
 * @param published  the ports it publishes now ({@code NetworkSettings.Ports}; empty when it is not running)
 * @param requested  the ports {@code docker run -p} asked for ({@code HostConfig.PortBindings})
 * @param memory     {@code HostConfig.Memory}: the {@code --memory} limit in bytes, 0 for none
 * @param nanoCpus   {@code HostConfig.NanoCpus}: the {@code --cpus} limit in billionths of a CPU, 0 for none
 * @param addresses  its IPv4 address on each network it is on, by the network's name ({@code bridge}, {@code podman})
 * @param tty        {@code Config.Tty}: run with {@code -t}, its PID 1 has a terminal
 * @param openStdin  {@code Config.OpenStdin}: run with {@code -i}, its PID 1's stdin stays open
 */
public record InspectedContainer(String id, String name, String image, String imageId, ContainerState state,
                                 Instant startedAt, Instant finishedAt, boolean oomKilled, long restartCount,
                                 List<String> command, List<PortMapping> published, List<PortMapping> requested,
                                 long memory, long nanoCpus,
                                 Map<String, String> addresses, Map<String, String> labels, boolean tty, boolean openStdin) {

    public InspectedContainer {
        command = List.copyOf(command);
        published = List.copyOf(published);
        requested = List.copyOf(requested);
        addresses = Map.copyOf(addresses);
        labels = Map.copyOf(labels);
    }

    /** One run without {@code -t} or {@code -i}. */
    public InspectedContainer(String id, String name, String image, String imageId, ContainerState state, Instant startedAt,
                              Instant finishedAt, boolean oomKilled, long restartCount, List<String> command,
                              List<PortMapping> published, List<PortMapping> requested, long memory, long nanoCpus,
                              Map<String, String> addresses, Map<String, String> labels) {
        this(id, name, image, imageId, state, startedAt, finishedAt, oomKilled, restartCount, command, published, requested,
                memory, nanoCpus, addresses, labels, false, false);
    }

    /** Its IPv4 address on this network ({@code docker inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}}'}), or null. */
    public String addressOn(String network) {
        return addresses.get(network);
    }

    /** True while its PID 1 runs. */
    public boolean running() {
        return state.running();
    }

    /** How long its PID 1 ran before it ended, or null while it runs or before it ran. */
    public Duration ranFor() {
        return running() || startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /** True when it publishes (or, stopped, asked to publish) the host port to the container port over TCP. */
    public boolean publishes(int hostPort, int containerPort) {
        return (running() ? published : requested).stream().anyMatch(p -> p.maps(hostPort, containerPort));
    }

    /** The ports it publishes, or asked to publish when it is not running. */
    public List<PortMapping> ports() {
        return running() ? published : requested;
    }

    /** A line like {@code docker ps -a} prints: {@code web (nginx) running, PID 4242, 0.0.0.0:8080->80/tcp}. */
    @Override
    public String toString() {
        List<PortMapping> ports = ports();
        return name + " (" + image + ") " + state + (ports.isEmpty() ? "" : ", " + ports.stream()
                .map(PortMapping::toString).distinct().reduce((a, b) -> a + ", " + b).orElse(""));
    }
}
