package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sysnerd.dockerlabs.facts.ContainerEvent;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.sysnerd.dockerlabs.parse.EventsParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.shaded.com.github.dockerjava.core.DefaultDockerClientConfig;
import org.testcontainers.shaded.com.github.dockerjava.core.DockerClientImpl;
import org.testcontainers.shaded.com.github.dockerjava.core.RemoteApiVersion;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * The Docker engine the labs run on, as its API describes it (what {@code docker info}/{@code inspect} print): one per
 * run, which connects when first asked.
 */
public final class Engine {

    private volatile EngineInfo info;
    private volatile DefaultBridge bridge;
    /** How long the daemon may take to accept a connection, and to answer once asked. */
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_LIMIT = TimeScale.of(Duration.ofSeconds(30));
    /** How long Testcontainers' search for the daemon may take where the address is not plain (about a second). */
    private static final Duration SEARCH_LIMIT = TimeScale.of(Duration.ofSeconds(60));

    private volatile DockerClient client;
    /** The kit's reads of the daemon's JSON, on the client's transport; set with it. */
    private volatile DaemonJson json;
    private volatile DockerClient puller;
    private volatile URI dockerHost;
    /** The TLS the kit's transport uses there (NoTls on a unix socket); set with the client. */
    private volatile SSLConfig tls;

    /** The run's own daemon address (its {@code labs.docker.host}); null: DOCKER_HOST and Testcontainers' search. */
    private final URI address;

    /** An engine not connected yet: {@link #connect()} finds the daemon. */
    public Engine() {
        this(null);
    }

    /** An engine for the daemon at this address (a grader's run of one VM among many), or as {@link #Engine()} if null. */
    public Engine(URI address) {
        this.address = address;
    }

    /** The address asked for: the run's own, else DOCKER_HOST; null when neither is set (then the sockets are looked for). */
    public String requestedHost() {
        return address != null ? address.toString() : System.getenv("DOCKER_HOST");
    }

    /**
     * Finds the daemon as Testcontainers does (DOCKER_HOST, its socket strategies), once, and makes the kit's client
     * for it: where that is plain ({@link DaemonAddress}), without loading Testcontainers' search. Unlike
     * {@code DockerClientFactory.client()}, this starts no Ryuk (whose image may have to be pulled, with minutes of
     * retries) and takes no lock that a container's start may hold; returns where the daemon answers.
     */
    public synchronized URI connect() {
        if (client == null) {
            URI plain = address != null ? address : DaemonAddress.plain().orElse(null);
            if (plain != null) {
                tls = tlsFor(plain, null);
                client = boundedClient(plain, tls);
                dockerHost = plain;
            } else {
                // Bounded: its search asks each candidate with a client of no limit, and a daemon may answer _ping only.
                TransportConfig transport = Bounded.call("Testcontainers' search for the daemon", SEARCH_LIMIT,
                        "a daemon answered, then said nothing more: see whether docker info answers, and restart the daemon "
                        + "if it hangs", "docker info", () -> DockerClientFactory.instance().getTransportConfig());
                tls = tlsFor(transport.getDockerHost(), transport.getSslConfig());
                client = boundedClient(transport.getDockerHost(), tls);
                dockerHost = transport.getDockerHost();
            }
        }
        return dockerHost;
    }

    /** The TLS for a daemon's address: the given one, else none at all on a unix socket ({@link NoTls}). */
    private static SSLConfig tlsFor(URI host, SSLConfig given) {
        return given == null && "unix".equals(host.getScheme()) ? NoTls.UNIX_SOCKET : given;
    }

    /** The TLS of the kit's transport, for another client to the same daemon (libpod's API); after {@link #connect()}. */
    SSLConfig tls() {
        connect();
        return tls;
    }

    /**
     * Readies Testcontainers, which starts the labs' containers: its search for the daemon, and, when it starts no
     * container of its own, its client (whose start would otherwise come with the first lab container's); returns
     * where it found the daemon. A client that would start Ryuk or look up the gateway with a container, whose images
     * the preflight checks first, is left to the first lab container's start.
     */
    public static URI readyTestcontainers() {
        URI found = DockerClientFactory.instance().getTransportConfig().getDockerHost();
        if (TestcontainersImages.noneBeforeTheLabs(found)) {
            DockerClientFactory.instance().client();
        }
        return found;
    }

    /**
     * A client like Testcontainers' ({@code DockerClientProviderStrategy.getClientForConfig}: API 1.44, else 1.32),
     * whose every request is bounded ({@link BoundedHttpClient}): a daemon that accepts and then says nothing fails
     * it after {@link #RESPONSE_LIMIT} instead of holding a lab for ever. A stream is bounded by its reader (an exec
     * by its 10 s, the event watch by its lab); a pull goes through {@link #puller()}, bounded by its progress.
     */
    private DockerClient boundedClient(URI host, SSLConfig tls) {
        DockerHttpClient http = new BoundedHttpClient(new ZerodepDockerHttpClient.Builder().dockerHost(host)
                .sslConfig(tls).connectionTimeout(CONNECT_LIMIT).responseTimeout(RESPONSE_LIMIT).build(),
                RESPONSE_LIMIT);
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.toString());
        RemoteApiVersion set = config.build().getApiVersion();
        if (set != RemoteApiVersion.UNKNOWN_VERSION) {
            return withJson(DockerClientImpl.getInstance(config.build(), http), http, set);
        }
        DockerClient latest = DockerClientImpl.getInstance(config.withApiVersion(RemoteApiVersion.VERSION_1_44).build(), http);
        try {
            latest.pingCmd().exec();
            return withJson(latest, http, RemoteApiVersion.VERSION_1_44);
        } catch (RuntimeException olderDaemon) {
            return withJson(DockerClientImpl.getInstance(config.withApiVersion(RemoteApiVersion.VERSION_1_32).build(), http),
                    http, RemoteApiVersion.VERSION_1_32);
        }
    }

    /** The client, with the kit's reads of JSON ({@link DaemonJson}) on the same transport and API version. */
    private DockerClient withJson(DockerClient client, DockerHttpClient http, RemoteApiVersion version) {
        json = new DaemonJson(http, "/v" + version.getVersion());
        return client;
    }

    /**
     * The client that pulls images: Testcontainers' own, whose credentials come from Docker's config and its
     * credential helpers as {@code docker pull}'s do; a pull is bounded by its progress ({@link ImagePull}).
     */
    public synchronized DockerClient puller() {
        if (puller == null) {
            // A run of its own address pulls there too, not where Testcontainers' one search found a daemon.
            puller = DockerClientProviderStrategy.getClientForConfig(address != null
                    ? TransportConfig.builder().dockerHost(address).sslConfig(tls()).build()
                    : DockerClientFactory.instance().getTransportConfig());
        }
        return puller;
    }

    /** True when this is the kit's client giving up on a daemon that did not answer a request in time. */
    public static boolean unanswered(Throwable thrown) {
        return thrown instanceof BoundedHttpClient.Unanswered;
    }

    /** Where the kit's client talks to the daemon, or null before {@link #connect()}. */
    public URI dockerHost() {
        return dockerHost;
    }

    /** The kit's client, for the daemon Testcontainers starts the labs' containers on (see {@link #connect()}). */
    public DockerClient client() {
        DockerClient connected = client;
        if (connected == null) {
            connect();
            connected = client;
        }
        return connected;
    }

    /**
     * {@code docker info}: every field of the answer, also those docker-java does not type
     * ({@code FirewallBackend}, {@code DriverStatus}'s driver-type); on Podman, with libpod's word on the limits
     * ({@link EngineInfo#withLibpodInfo}).
     */
    public EngineInfo info() {
        if (info == null) {
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
        client();
        return json;
    }

    /** The image's layers, as {@code docker image inspect -f '{{.RootFS.Layers}}'} prints them. */
    public List<String> imageLayers(String imageId) {
        return client().inspectImageCmd(imageId).exec().getRootFS().getLayers();
    }

    /** The image's default command ({@code docker image inspect IMAGE -f '{{json .Config.Cmd}}'}). */
    public List<String> imageCommand(String imageId) {
        var config = client().inspectImageCmd(imageId).exec().getConfig();
        return config == null || config.getCmd() == null ? List.of() : List.of(config.getCmd());
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

    /** The engine's default network and its bridge interface: docker0, or podman0 on Podman. */
    public DefaultBridge defaultBridge() {
        if (bridge == null) {
            // Podman answers to "bridge" with its default network (named podman), as Docker does with its own.
            Network network;
            try {
                network = client().inspectNetworkCmd().withNetworkId("bridge").exec();
            } catch (NotFoundException e) {
                // dockerd --bridge=none: no default network; Q4 then finds no docker0, which is the fact that fails
                bridge = info().podman() ? DefaultBridge.podman(null, null) : DefaultBridge.docker("bridge", null, null);
                return bridge;
            }
            IpAddress subnet = network.getIpam().getConfig().stream().map(Network.Ipam.Config::getSubnet)
                    .filter(s -> s != null && s.contains(".")).findFirst().map(IpAddress::parseCidr)
                    .orElseThrow(() -> new IllegalStateException("the bridge network has no IPv4 subnet"));
            bridge = info().podman() ? DefaultBridge.podman(Libpod.network(this, network.getId()), subnet)
                    : DefaultBridge.docker(network.getName(), network.getOptions(), subnet);
        }
        return bridge;
    }
}
