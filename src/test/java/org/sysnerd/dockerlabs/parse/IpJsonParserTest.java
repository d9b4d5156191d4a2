package org.sysnerd.dockerlabs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.facts.NetLink;

@DisplayName("IpJsonParser reads the interfaces out of `ip -j -d addr show`")
class IpJsonParserTest {

    private static List<NetLink> links(String fixture) {
        return IpJsonParser.links(Fixtures.text("ip/" + fixture));
    }

    private static NetLink link(String fixture, String name) {
        return links(fixture).stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no interface " + name + " in " + fixture));
    }

    @Test
    @DisplayName("every interface of the recorded host, in ifindex order")
    void every_interface_in_order() {
        assertThat(links("docker-host-recorded.json")).extracting(NetLink::name)
                .containsExactly("lo", "ifb0", "ifb1", "eth0", "docker0", "veth706670d", "vethed11e57");
    }

    @Test
    @DisplayName("docker0 (recorded) is a bridge with the gateway address 172.17.0.1/16")
    void docker0_is_a_bridge_with_the_gateway_address() {
        NetLink docker0 = link("docker-host-recorded.json", "docker0");

        assertThat(docker0.kind()).isEqualTo("bridge");
        assertThat(docker0.ipv4()).hasToString("172.17.0.1/16");
    }

    @Test
    @DisplayName("docker0 (recorded) is attached to no bridge and is its own link")
    void docker0_has_no_master_and_no_peer() {
        NetLink docker0 = link("docker-host-recorded.json", "docker0");

        assertThat(docker0.master()).isNull();
        assertThat(docker0.iflink()).isEqualTo(docker0.ifindex());
    }

    @Test
    @DisplayName("a container's host veth (recorded) is a veth attached to docker0")
    void the_host_veth_is_attached_to_docker0() {
        NetLink veth = link("docker-host-recorded.json", "veth706670d");

        assertThat(veth.kind()).isEqualTo("veth");
        assertThat(veth.master()).isEqualTo("docker0");
    }

    @Test
    @DisplayName("a host veth's iflink (link_index) is its peer's ifindex in the container's namespace")
    void the_host_veth_names_its_peer() {
        NetLink veth = link("docker-host-recorded.json", "veth706670d");

        assertThat(veth.ifindex()).isEqualTo(45);
        assertThat(veth.iflink()).isEqualTo(44);
    }

    @Test
    @DisplayName("the container's eth0 and the host's veth (both recorded) name each other: ifindex and iflink cross over")
    void container_eth0_and_host_veth_pair_both_ways() {
        NetLink eth0 = link("docker-container-eth0-recorded.json", "eth0");
        NetLink veth = link("docker-host-recorded.json", "veth706670d");

        assertThat(eth0.iflink()).isEqualTo(veth.ifindex());
        assertThat(veth.iflink()).isEqualTo(eth0.ifindex());
    }

    @Test
    @DisplayName("the container's eth0 (recorded) has the container's address in docker0's subnet")
    void the_container_address_is_in_the_bridge_subnet() {
        NetLink eth0 = link("docker-container-eth0-recorded.json", "eth0");

        assertThat(eth0.ipv4()).hasToString("172.17.0.2/16");
        assertThat(link("docker-host-recorded.json", "docker0").ipv4().sameSubnetAs(eth0.ipv4())).isTrue();
    }

    @Test
    @DisplayName("a plain device (recorded eth0) has no kind, and IPv6 addresses come after IPv4 with family inet6")
    void a_plain_device_keeps_all_its_addresses() {
        NetLink eth0 = link("docker-host-recorded.json", "eth0");

        assertThat(eth0.kind()).isNull();
        assertThat(eth0.addresses()).extracting(a -> a.family() + " " + a)
                .containsExactly("inet 192.0.2.2/24", "inet6 fd00::2/64", "inet6 fe80::fc:ff:fe00:1/64");
    }

    @Test
    @DisplayName("a host without docker0 (Podman's podman0, 10.88.0.1/16) has no docker0 interface")
    void a_podman_host_has_no_docker0() {
        assertThat(links("podman-host-no-docker0.json")).extracting(NetLink::name).doesNotContain("docker0");
    }

    @Test
    @DisplayName("Podman's podman0 is a bridge at 10.88.0.1/16 with the container's veth attached")
    void podman0_is_the_bridge() {
        assertThat(link("podman-host-no-docker0.json", "podman0").ipv4()).hasToString("10.88.0.1/16");
        assertThat(link("podman-host-no-docker0.json", "veth0").master()).isEqualTo("podman0");
    }

    @Test
    @DisplayName("a veth pair in one namespace (`\"link\": \"vpb\"`, no link_index) still names its peer's ifindex")
    void a_same_namespace_veth_names_its_peer() {
        NetLink vpa = link("same-namespace-veth-pair.json", "vpa");
        NetLink vpb = link("same-namespace-veth-pair.json", "vpb");

        assertThat(vpa.iflink()).isEqualTo(vpb.ifindex());
        assertThat(vpb.iflink()).isEqualTo(vpa.ifindex());
    }

    // --- failure behaviour ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "garbage",
            "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
            "{\"ifindex\": 1, \"ifname\": \"lo\"}",
            "[{\"ifname\": \"lo\"}]",
            "[{\"ifindex\": \"one\", \"ifname\": \"lo\"}]",
            "[1, 2]"})
    @DisplayName("anything but an array of interfaces (plain `ip addr` text, an object, no ifindex) is an error")
    void garbage_is_an_error(String text) {
        assertThatThrownBy(() -> IpJsonParser.links(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ip -j");
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded): podman0 is a bridge at 10.88.0.1/16 beside docker0")
    void podman_recorded_podman0_is_a_bridge() {
        NetLink podman0 = link("podman-host-recorded.json", "podman0");

        assertThat(podman0.kind()).isEqualTo("bridge");
        assertThat(podman0.ipv4()).hasToString("10.88.0.1/16");
        assertThat(link("podman-host-recorded.json", "docker0").kind()).isEqualTo("bridge");
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded): the container's veth (its eth0: ifindex 2, iflink 155) is on podman0")
    void podman_recorded_veth_is_on_podman0() {
        NetLink veth = link("podman-host-recorded.json", "veth0");

        assertThat(veth.ifindex()).isEqualTo(155);
        assertThat(veth.iflink()).isEqualTo(2);
        assertThat(veth.master()).isEqualTo("podman0");
        assertThat(veth.kind()).isEqualTo("veth");
    }
}
