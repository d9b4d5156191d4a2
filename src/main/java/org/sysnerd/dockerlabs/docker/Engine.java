package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.transport.SSLConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.sysnerd.dockerlabs.facts.ContainerEvent;
import org.sysnerd.dockerlabs.parse.EventsParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * The Docker engine the labs run on, as its API describes it (what {@code docker info}/{@code inspect} print): one per
 * run, which connects when first asked and closes its clients with the run (a watch makes one per check, for hours).
 */
public final class Engine implements AutoCloseable {

    private volatile EngineInfo info;
    private volatile DefaultBridge bridge;
    /** The kit's client, set once connected. */
    private volatile KitClient kit;
    private volatile DockerClient puller;
    /** Set by {@link #close()}: no client is made after it; guarded by this. */
    private boolean closed;

    /** The run's own daemon address (its {@code labs.docker.host}); null: DOCKER_HOST and Testcontainers' search. */
    private final URI address;
    private final Supplier<EngineInfo> known;

    /** An engine not connected yet: {@link #connect()} finds the daemon. */
    public Engine() {
        this(null);
    }

    /** An engine for the daemon at this address (one VM's run among many in a grader), or as {@link #Engine()} if null. */
    public Engine(URI address) {
        this(address, null);
    }

    /** As {@link #Engine(URI)}, its {@link #info()} as {@code known} gives it (a watch's session reads it once), if given. */
    public Engine(URI address, Supplier<EngineInfo> known) {
        this.address = address;
        this.known = known;
    }

    /** The address asked for: the run's own, else DOCKER_HOST; null when neither is set (the sockets are looked for). */
    public String requestedHost() {
        return address != null ? address.toString() : System.getenv("DOCKER_HOST");
    }

    /**
     * Finds the daemon as Testcontainers does (DOCKER_HOST, its socket strategies), once, and makes the kit's client
     * for it ({@link KitClient}). Unlike {@code DockerClientFactory.client()}, this starts no Ryuk (whose image may have
     * to be pulled, with minutes of retries) and takes no lock that a container's start may hold; returns where the
     * daemon answers.
     */
    public synchronized URI connect() {
        if (closed) {
            throw new IllegalStateException("this run's clients of the Docker daemon are closed: the run has ended");
        }
        if (kit == null) {
            kit = address != null ? KitClient.to(address, null) : KitClient.found();
        }
        return kit.dockerHost();
    }

    /** The TLS of the kit's transport, for another client to the same daemon (libpod's API); after {@link #connect()}. */
    SSLConfig tls() {
        connect();
        return kit.tls();
    }

    /**
     * The client that pulls images: Testcontainers' own, whose credentials come from Docker's config and its
     * credential helpers as {@code docker pull}'s do; a pull is bounded by its progress ({@link ImagePull}).
     */
    public synchronized DockerClient puller() {
        connect(); // the kit's client was made first all the same; this throws once closed
        if (puller == null) {
            // A run of its own address pulls there too, not where Testcontainers' one search found a daemon.
            puller = DockerClientProviderStrategy.getClientForConfig(address != null
                    ? TransportConfig.builder().dockerHost(address).sslConfig(tls()).build()
                    : DockerClientFactory.instance().getTransportConfig());
        }
        return puller;
    }

    /** Closes the clients this engine made (the kit's, the puller), once, each within 2 s: a run's end must not hang. */
    @Override
    public void close() {
        List<DockerClient> made;
        synchronized (this) {
            made = closed ? List.of() : Stream.of(kit == null ? null : kit.client(), puller).filter(c -> c != null).toList();
            closed = true;
        }
        made.forEach(client -> Bounded.close("closing a client of the Docker daemon", Duration.ofSeconds(2), client));
    }

    /** Where the kit's client talks to the daemon, or null before {@link #connect()}. */
    public URI dockerHost() {
        KitClient connected = kit;
        return connected == null ? null : connected.dockerHost();
    }

    /** The kit's client, for the daemon Testcontainers starts the labs' containers on (see {@link #connect()}). */
    public DockerClient client() {
        connect();
        return kit.client();
    }

    /**
     * {@code docker info}: every field of the answer, also those docker-java does not type
     * ({@code FirewallBackend}, {@code DriverStatus}'s driver-type); on Podman, with libpod's word on the limits
     * ({@link EngineInfo#withLibpodInfo}).
     */
    public EngineInfo info() {
        if (info == null && known != null) {
            info = known.get();
        } else if (info == null) {
            EngineInfo compatible = EngineInfo.fromJson(infoWithFirewallBackend());
            info = compatible.podman() ? compatible.withLibpodInfo(Libpod.info(this)) : compatible;
        }
        return info;
    }

    /**
     * {@code docker info} as raw JSON, asked again at API 1.49 when the client's version left {@code FirewallBackend}
     * out and the server speaks 1.49 (Docker 29 to a 1.44 client): the backend is then the daemon's word, not a guess.
     */
    private Map<String, Object> infoWithFirewallBackend() {
        Map<String, Object> raw = infoRaw();
        if (raw.containsKey("FirewallBackend") || raw.containsKey("BuildahVersion")) {
            return raw;
        }
        return ApiVersion.toAskForFirewallBackend(json().version()).map(json()::info).orElse(raw);
    }

    /** A fresh {@code docker info} as raw JSON: every field (e.g. its SystemTime, the daemon's clock now). */
    public Map<String, Object> infoRaw() {
        return json().info();
    }

    /** {@code docker inspect <container>} as raw JSON: every field, also those docker-java leaves out. */
    public Map<String, Object> inspectRaw(String containerId) {
        return json().inspect(containerId);
    }

    /**
     * The daemon's events about a container between two times on its clock ({@code docker events --filter
     * container=ID --since … --until …}), as far as its log of recent events still holds them; none when it refuses them.
     */
    public List<ContainerEvent> containerEvents(String containerId, Instant since, Instant until) {
        try {
            return EventsParser.containerEvents(json().events(containerId, since, until));
        } catch (DockerException refused) {
            // A daemon (or a socket proxy before it) that answers but will not give its events: none, as when aged out.
            return List.of();
        }
    }

    /** {@code docker ps -a} as raw JSON: every container of the daemon, running or not. */
    public List<Map<String, Object>> containersRaw() {
        return json().containers();
    }

    private DaemonJson json() {
        connect();
        return kit.json();
    }

    /**
     * The containers the default network lists, by name, with their IPv4 addresses
     * ({@code docker network inspect bridge -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}'}).
     */
    public Map<String, String> bridgeMembers() {
        Map<String, String> members = new TreeMap<>();
        Network network = client().inspectNetworkCmd().withNetworkId(defaultBridge().network()).exec();
        network.getContainers().values().forEach(c -> members.put(c.getName(), c.getIpv4Address()));
        return members;
    }

    /** The engine's default network and its bridge interface: docker0, or podman0 on Podman ({@link DefaultBridge#of}). */
    public DefaultBridge defaultBridge() {
        if (bridge == null) {
            bridge = DefaultBridge.of(this);
        }
        return bridge;
    }
}
