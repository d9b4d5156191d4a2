package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.IpAddress;

/**
 * The engine's default network and the Linux bridge behind it: Docker's {@code bridge} network on docker0,
 * Podman's {@code podman} network on podman0 (both answer {@code docker network inspect bridge}).
 *
 * @param network       the network's name ({@code bridge}, {@code podman})
 * @param interfaceName the host's bridge interface ({@code docker0}, {@code podman0})
 * @param subnet        the network's IPv4 subnet from its IPAM config, e.g. 172.17.0.0/16; null without that network
 * @param podman        true when this is Podman's network, which the labs call "Podman's docker0"
 */
public record DefaultBridge(String network, String interfaceName, IpAddress subnet, boolean podman) {

    /** Docker names its default bridge's interface in this option of {@code docker network inspect bridge}. */
    static final String DOCKER_BRIDGE_OPTION = "com.docker.network.bridge.name";
    /** Docker's default when the option is absent. */
    static final String DOCKER0 = "docker0";
    /** Podman's default ({@code containers.conf} network_interface of the {@code podman} network). */
    static final String PODMAN0 = "podman0";

    /** The engine's default network as its API describes it ({@code docker network inspect bridge}). */
    static DefaultBridge of(Engine engine) {
        // Podman answers to "bridge" with its default network (named podman), as Docker does with its own.
        Network network;
        try {
            network = engine.client().inspectNetworkCmd().withNetworkId("bridge").exec();
        } catch (NotFoundException e) {
            // dockerd --bridge=none: no default network; Q4 then finds no docker0, which is the fact that fails
            return engine.info().podman() ? podman(null, null) : docker("bridge", null, null);
        }
        IpAddress subnet = network.getIpam().getConfig().stream().map(Network.Ipam.Config::getSubnet)
                .filter(s -> s != null && s.contains(".")).findFirst().map(IpAddress::parseCidr)
                .orElseThrow(() -> new IllegalStateException("the bridge network has no IPv4 subnet"));
        return engine.info().podman() ? podman(Libpod.network(engine, network.getId()), subnet)
                : docker(network.getName(), network.getOptions(), subnet);
    }

    /** Docker's {@code bridge} network, from {@code docker network inspect bridge}'s options. */
    public static DefaultBridge docker(String network, Map<String, String> options, IpAddress subnet) {
        String name = options == null ? null : options.get(DOCKER_BRIDGE_OPTION);
        return new DefaultBridge(network, name == null || name.isBlank() ? DOCKER0 : name, subnet, false);
    }

    /**
     * Podman's default network, from libpod's {@code GET /libpod/networks/<id>/json} (what {@code podman network
     * inspect podman} prints): its {@code name} and {@code network_interface}. Podman's Docker-compatible
     * inspect leaves the interface out; null (libpod did not answer) gives Podman's defaults.
     */
    public static DefaultBridge podman(Map<String, Object> libpod, IpAddress subnet) {
        Object name = libpod == null ? null : libpod.get("name");
        Object bridge = libpod == null ? null : libpod.get("network_interface");
        return new DefaultBridge(name == null ? "podman" : name.toString(), bridge == null ? PODMAN0 : bridge.toString(),
                subnet, true);
    }

    /** The bridge as a learner reads it: {@code docker0}, or {@code podman0, Podman's docker0}. */
    public String describe() {
        return podman ? interfaceName + ", Podman's docker0" : interfaceName;
    }

    /** The command that shows the network's subnet: {@code docker network inspect bridge}. */
    public String inspectCommand() {
        return "docker network inspect " + network;
    }
}
