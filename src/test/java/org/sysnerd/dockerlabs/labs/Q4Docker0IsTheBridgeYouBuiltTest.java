package org.sysnerd.dockerlabs.labs;

import static org.sysnerd.dockerlabs.subject.PageContainer.WEB;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.docker.DefaultBridge;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.junit.Evidence;
import org.sysnerd.dockerlabs.junit.Page;
import org.sysnerd.dockerlabs.lessons.LabAssertions;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.Subject;

/**
 * Docker's default network MUST be a Linux bridge, docker0 (Podman's: podman0), whose IPv4 subnet is the default
 * network's IPAM subnet. A container on it MUST get an address in that subnet, listed by {@code docker network
 * inspect bridge}, through a veth pair whose host end is attached to the bridge: the container's eth0 and the
 * host's veth name each other as peers (iflink = ifindex).
 * <p>The state graded: Q1's {@code web}, running, on the default network. When it is missing, stopped or paused the
 * lab fails once, saying it needs Q1's {@code web} and in what state that is (a paused container keeps its veth, but
 * refuses the {@code docker exec} that reads its eth0, and the page's task looks at a running one).
 */
@DisplayName("Q4 · docker0 is the bridge you built")
@DockerLab(id = "Q4", title = "docker0 is the bridge you built", verify = "ip addr show docker0",
        needs = {Need.DOCKER, Need.NGINX_IMAGE, Need.BRIDGE})
class Q4Docker0IsTheBridgeYouBuiltTest {

    /** The page's {@code docker run -d --name web nginx}. */
    private final Subject web;
    private final HostFacts host;
    private final Engine engine;

    Q4Docker0IsTheBridgeYouBuiltTest(@Page(WEB) Subject web, HostFacts host, Engine engine) {
        this.web = web;
        this.host = host;
        this.engine = engine;
    }

    @Test
    @DisplayName("docker0 is a Linux bridge with the bridge network's IPv4 subnet")
    void docker0_is_a_bridge_with_the_networks_subnet(Evidence evidence) {
        DefaultBridge bridge = engine.defaultBridge();

        NetLink docker0 = LabAssertions.assertThatBridge(host, engine).isABridgeWithTheNetworksSubnet().seen();
        evidence.record("%s: bridge %s, %s network subnet %s", bridge.describe(), docker0.ipv4(), bridge.network(),
                bridge.subnet());
    }

    @Test
    @DisplayName("the container's address lies in docker0's subnet, and the bridge network lists it")
    void the_container_address_is_in_that_subnet(Evidence evidence) {
        DefaultBridge bridge = engine.defaultBridge();
        String ip = web.ip();
        Map<String, String> members = engine.bridgeMembers();

        NetLink docker0 = LabAssertions.assertThatBridge(host, engine).holdsTheAddressOf(web.name(), ip)
                .listsAsMember(members, web.name(), ip).seen();
        evidence.record("%s %s in %s %s; %s lists %s %s", web.name(), ip, bridge.describe(), docker0.ipv4(),
                bridge.inspectCommand(), web.name(), members.get(web.name()));
    }

    @Test
    @DisplayName("the host end of the container's veth pair is attached to docker0")
    void the_veth_peer_is_attached_to_docker0(Evidence evidence) {
        String bridge = engine.defaultBridge().interfaceName();

        NetLink veth = LabAssertions.assertThatLinks(host.links()).hasAVethPeerOf(web.eth0Inside(), bridge);
        evidence.record("container eth0 (if%d) <-> host %s (if%d) master %s", veth.iflink(), veth.name(), veth.ifindex(),
                veth.master());
    }
}
