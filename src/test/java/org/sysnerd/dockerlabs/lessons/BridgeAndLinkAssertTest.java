package org.sysnerd.dockerlabs.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.docker.DefaultBridge;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.sysnerd.dockerlabs.facts.LinkIndexes;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.probe.HostFacts;

@DisplayName("Q4's bridge and link assertions, on a recorded ip -j -d addr show")
class BridgeAndLinkAssertTest {

    private static final HostFacts HOST = new RecordedHost().with("ip -j -d addr show", "ip/docker-host-recorded.json").facts();
    private static final DefaultBridge BRIDGE = DefaultBridge.docker("bridge", Map.of(), IpAddress.parseCidr("172.17.0.0/16"));

    private static BridgeAssert bridge(String name, DefaultBridge bridge) {
        return BridgeAssert.assertThat(HOST.link(name), bridge);
    }

    @Test
    @DisplayName("docker0 is a bridge with the network's subnet, and holds the container's address")
    void docker0_holds() {
        NetLink docker0 = bridge("docker0", BRIDGE).isABridgeWithTheNetworksSubnet().holdsTheAddressOf("web", "172.17.0.2")
                .listsAsMember(Map.of("web", "172.17.0.2/16"), "web", "172.17.0.2").seen();

        assertThat(docker0.ipv4()).hasToString("172.17.0.1/16");
    }

    @Test
    @DisplayName("no such interface: fails on the interface itself, with ip addr show")
    void no_interface() {
        LabFailure lesson = Lesson.of(() -> bridge("podman0", BRIDGE).isABridgeWithTheNetworksSubnet());

        assertThat(lesson.expected()).startsWith("an interface ");
        assertThat(lesson.seen()).isEqualTo("none");
        assertThat(lesson.command()).isEqualTo("ip -d addr show podman0");
    }

    @Test
    @DisplayName("another subnet than the network's fails, naming docker network inspect")
    void another_subnet() {
        DefaultBridge other = DefaultBridge.docker("bridge", Map.of(), IpAddress.parseCidr("10.99.0.0/16"));

        LabFailure lesson = Lesson.of(() -> bridge("docker0", other).isABridgeWithTheNetworksSubnet());
        assertThat(lesson.expected()).startsWith("docker0 to have an IPv4 address in 10.99.0.0/16 (");
    }

    @Test
    @DisplayName("a container with no address on the default network: was it run with --network?")
    void container_not_on_the_network() {
        LabFailure lesson = Lesson.of(() -> bridge("docker0", BRIDGE).holdsTheAddressOf("web", null));

        assertThat(lesson.why()).isEqualTo("web is not on the default network: was it run with --network?");
    }

    @Test
    @DisplayName("a network that does not list the container fails, with docker network inspect's members")
    void not_listed() {
        LabFailure lesson = Lesson.of(() -> bridge("docker0", BRIDGE).listsAsMember(Map.of(), "web", "172.17.0.2"));

        assertThat(lesson.expected()).isEqualTo("the bridge network to list web with 172.17.0.2");
        assertThat(lesson.command()).endsWith("-f '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{end}}'");
    }

    @Test
    @DisplayName("finds the host end of the container's veth pair, attached to docker0")
    void finds_the_veth_peer() {
        NetLink veth = LinkAssert.assertThat(HOST.links()).hasAVethPeerOf(eth0(44, 45), "docker0");

        assertThat(veth.name()).isEqualTo("veth706670d");
    }

    @Test
    @DisplayName("a peer attached elsewhere fails, with ip -d link show of the peer")
    void peer_on_another_bridge() {
        LabFailure lesson = Lesson.of(() -> LinkAssert.assertThat(HOST.links()).hasAVethPeerOf(eth0(44, 45), "br-lab"));

        assertThat(lesson.expected()).isEqualTo("a veth attached to br-lab (ip link show master br-lab)");
        assertThat(lesson.command()).isEqualTo("ip -d link show veth706670d");
    }

    @Test
    @DisplayName("no host interface names the container's eth0: fails naming both indexes")
    void no_peer() {
        LabFailure lesson = Lesson.of(() -> LinkAssert.assertThat(HOST.links()).hasAVethPeerOf(eth0(90, 91), "docker0"));

        assertThat(lesson.expected()).startsWith("a host interface with ifindex 91 whose iflink is 90");
    }

    private static Seen<LinkIndexes> eth0(int ifindex, int iflink) {
        return new Seen<>(new LinkIndexes(ifindex, iflink), "docker exec web cat /sys/class/net/eth0/ifindex /sys/class/net/eth0/iflink");
    }
}
