package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.VersionComponent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/** The Docker engine the labs run on, as its API describes it (what {@code docker info}/{@code inspect} print). */
public final class Engine {

    private static volatile EngineInfo info;
    private static volatile DockerClient client;
    private static volatile URI dockerHost;

    private Engine() {
    }

    /**
     * Finds the daemon as Testcontainers does (DOCKER_HOST, its socket strategies), once, and makes the kit's client
     * for it. Unlike {@code DockerClientFactory.client()}, this starts no Ryuk (whose image may have to be pulled,
     * with minutes of retries) and takes no lock that a container's start may hold; returns where the daemon answers.
     */
    public static synchronized URI connect() {
        if (client == null) {
            TransportConfig transport = DockerClientFactory.instance().getTransportConfig();
            client = DockerClientProviderStrategy.getClientForConfig(transport);
            dockerHost = transport.getDockerHost();
        }
        return dockerHost;
    }

    /** Where the kit's client talks to the daemon, or null before {@link #connect()}. */
    public static URI dockerHost() {
        return dockerHost;
    }

    /** The kit's client, for the daemon Testcontainers starts the labs' containers on (see {@link #connect()}). */
    public static DockerClient client() {
        DockerClient connected = client;
        if (connected == null) {
            connect();
            connected = client;
        }
        return connected;
    }

    /**
     * {@code docker info}: every field of the answer, also those docker-java does not type
     * ({@code FirewallBackend}, {@code DriverStatus}'s driver-type).
     */
    public static EngineInfo info() {
        if (info == null) {
            info = EngineInfo.fromJson(client().infoCmd().exec().getRawValues());
        }
        return info;
    }

    /** True when the engine is Podman's Docker-compatible API ({@code docker version}'s components). */
    public static boolean isPodman() {
        List<VersionComponent> components = client().versionCmd().exec().getComponents();
        return components != null && components.stream().anyMatch(c -> String.valueOf(c.getName()).contains("Podman"));
    }

    /** {@code docker inspect <container>} as raw JSON: every field, also those docker-java leaves out. */
    public static Map<String, Object> inspectRaw(String containerId) {
        return client().inspectContainerCmd(containerId).exec().getRawValues();
    }

    /** The image's layers, as {@code docker image inspect -f '{{.RootFS.Layers}}'} prints them. */
    public static List<String> imageLayers(String imageId) {
        return client().inspectImageCmd(imageId).exec().getRootFS().getLayers();
    }

    /** The subnet of the default {@code bridge} network's IPAM config ({@code docker network inspect bridge}). */
    public static IpAddress bridgeSubnet() {
        Network bridge = client().inspectNetworkCmd().withNetworkId("bridge").exec();
        return bridge.getIpam().getConfig().stream().map(Network.Ipam.Config::getSubnet)
                .filter(s -> s != null && s.contains(".")).findFirst().map(IpAddress::parseCidr)
                .orElseThrow(() -> new IllegalStateException("the bridge network has no IPv4 subnet"));
    }
}
