package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.testcontainers.DockerClientFactory;

/** The Docker engine the labs run on, as its API describes it (what {@code docker info}/{@code inspect} print). */
public final class Engine {

    private static volatile EngineInfo info;

    private Engine() {
    }

    /** The client Testcontainers uses, so that the suite and its containers see the same daemon. */
    public static DockerClient client() {
        return DockerClientFactory.instance().client();
    }

    /** {@code docker info}, read once per run. */
    public static EngineInfo info() {
        if (info == null) {
            info = EngineInfo.fromJson(DockerApi.get("/info"));
        }
        return info;
    }

    /** True when the engine is Podman's Docker-compatible API ({@code docker version}'s components). */
    public static boolean isPodman() {
        Object components = DockerApi.get("/version").get("Components");
        return components instanceof java.util.List<?> list && list.stream().map(String::valueOf)
                .anyMatch(c -> c.contains("Podman"));
    }

    /** {@code docker inspect <container>} as raw JSON, with the fields docker-java leaves out. */
    public static Map<String, Object> inspectRaw(String containerId) {
        return DockerApi.get("/containers/" + containerId + "/json");
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
