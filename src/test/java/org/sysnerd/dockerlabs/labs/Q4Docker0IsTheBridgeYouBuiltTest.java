package org.sysnerd.dockerlabs.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sysnerd.dockerlabs.junit.Lab.evidence;
import static org.sysnerd.dockerlabs.junit.Lab.host;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabAssertions;
import org.sysnerd.dockerlabs.docker.DefaultBridge;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.NginxLab;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.preflight.Need;
import org.testcontainers.junit.jupiter.Container;

/**
 * Docker's default network MUST be a Linux bridge, docker0, whose IPv4 subnet is the {@code bridge} network's
 * IPAM subnet. A container on it MUST get an address in that subnet, through a veth pair whose host end is
 * attached to docker0: the container's eth0 and the host's veth name each other as peers (iflink = ifindex).
 */
@DisplayName("Q4 · docker0 is the bridge you built")
@DockerLab(verify = "ip addr show docker0",
        needs = {Need.DOCKER, Need.NGINX_IMAGE, Need.BRIDGE})
class Q4Docker0IsTheBridgeYouBuiltTest {

    @Container
    static final NginxLab web = NginxLab.web();

    @Test
    @DisplayName("docker0 is a Linux bridge with the bridge network's IPv4 subnet")
    void docker0_is_a_bridge_with_the_networks_subnet() {
        DefaultBridge bridge = Engine.defaultBridge();
        Seen<NetLink> docker0 = host().link(bridge.interfaceName());
        LabAssertions.assertThat(docker0).is("an interface " + bridge.describe() + " (ip link)", Objects::nonNull)
                .is(bridge.interfaceName() + " to be a bridge", link -> "bridge".equals(link.kind()));
        IpAddress subnet = bridge.subnet();

        LabAssertions.assertThat(docker0).is(bridge.interfaceName() + " to have an IPv4 address in " + subnet + " ("
                        + bridge.inspectCommand() + ")", link -> link.ipv4() != null && link.ipv4().sameSubnetAs(subnet));
        evidence("%s: bridge %s, %s network subnet %s", bridge.describe(), docker0.value().ipv4(), bridge.network(), subnet);
    }

    @Test
    @DisplayName("the container's address lies in docker0's subnet")
    void the_container_address_is_in_that_subnet() {
        DefaultBridge bridge = Engine.defaultBridge();
        Seen<NetLink> docker0 = host().link(bridge.interfaceName());

        String ip = web.ip();

        LabAssertions.assertThat(docker0).is("an interface " + bridge.describe() + " (ip link)", Objects::nonNull)
                .is("a subnet holding the container's address " + ip, link -> link.ipv4() != null && ip != null
                        && link.ipv4().subnetContains(ip));
        evidence("%s %s in %s %s", web.name(), ip, bridge.describe(), docker0.value().ipv4());
    }

    @Test
    @DisplayName("the host end of the container's veth pair is attached to docker0")
    void the_veth_peer_is_attached_to_docker0() {
        String[] eth0Indexes = web.exec("cat", "/sys/class/net/eth0/ifindex", "/sys/class/net/eth0/iflink").split("\\s+");
        int eth0 = Integer.parseInt(eth0Indexes[0]);
        int eth0Peer = Integer.parseInt(eth0Indexes[1]);
        Seen<List<NetLink>> links = host().links();

        NetLink veth = LabAssertions.assertThat(links).has(String.format(
                "a host interface with ifindex %d whose iflink is %d (the container's eth0: ifindex %d, iflink %d)",
                eth0Peer, eth0, eth0, eth0Peer),
                all -> all.stream().filter(l -> l.ifindex() == eth0Peer && l.iflink() == eth0).findFirst());
        String bridge = Engine.defaultBridge().interfaceName();
        assertThat(veth.master()).as("bridge of %s (ip link show master %s)", veth, bridge).isEqualTo(bridge);
        assertThat(veth.kind()).as("kind of %s", veth).isEqualTo("veth");
        evidence("container eth0 (if%d) <-> host %s (if%d) master %s", eth0, veth.name(), veth.ifindex(), veth.master());
    }
}
