package org.sysnerd.dockerlabs.lessons;

import java.util.Map;
import java.util.Objects;
import org.sysnerd.dockerlabs.assertions.SeenAssert;
import org.sysnerd.dockerlabs.docker.DefaultBridge;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.facts.Seen;

/**
 * The engine's default bridge as {@code ip} shows it on the host (Q4): a Linux bridge with the default network's
 * subnet, holding the container's address, its network listing the container.
 */
public final class BridgeAssert extends FactAssert<BridgeAssert, NetLink> {

    private final DefaultBridge bridge;

    BridgeAssert(Seen<NetLink> link, DefaultBridge bridge) {
        super(link, BridgeAssert.class);
        this.bridge = bridge;
    }

    /** Assertions on {@code link}, the host's interface that {@code bridge} names (docker0, podman0). */
    public static BridgeAssert assertThat(Seen<NetLink> link, DefaultBridge bridge) {
        return new BridgeAssert(link, bridge);
    }

    /** The interface exists. */
    public BridgeAssert exists() {
        return holds("an interface " + bridge.describe() + " (ip link)", Objects::nonNull);
    }

    /** It exists, is a Linux bridge, and has an IPv4 address in the default network's subnet. */
    public BridgeAssert isABridgeWithTheNetworksSubnet() {
        return exists().holds(bridge.interfaceName() + " to be a bridge", link -> "bridge".equals(link.kind()))
                .holds(bridge.interfaceName() + " to have an IPv4 address in " + bridge.subnet() + " ("
                        + bridge.inspectCommand() + ")", link -> link.ipv4() != null && link.ipv4().sameSubnetAs(bridge.subnet()));
    }

    /** Its subnet holds the container's address ({@code ip} null: the container is on no default network). */
    public BridgeAssert holdsTheAddressOf(String container, String ip) {
        return exists().holds("a subnet holding the container's address " + ip, link -> link.ipv4() != null && ip != null
                && link.ipv4().subnetContains(ip), link -> ip == null ? container + " is not on the default "
                + "network: was it run with --network?" : null);
    }

    /** The default network lists the container with its address ({@code docker network inspect bridge}). */
    public BridgeAssert listsAsMember(Map<String, String> members, String container, String ip) {
        SeenAssert.assertThat(new Seen<>(members, bridge.inspectCommand()
                + " -f '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{end}}'"))
                .is("the " + bridge.network() + " network to list " + container + " with " + ip,
                        m -> String.valueOf(m.get(container)).startsWith(ip + "/"));
        return this;
    }
}
