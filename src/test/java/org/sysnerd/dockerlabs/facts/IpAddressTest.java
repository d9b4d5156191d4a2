package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.parse.IpJsonParser;

@DisplayName("IpAddress compares IPv4 addresses by subnet")
class IpAddressTest {

    private static IpAddress docker0() {
        return IpJsonParser.links(Fixtures.text("ip/docker-host-recorded.json")).stream()
                .filter(l -> l.name().equals("docker0")).findFirst().orElseThrow().ipv4();
    }

    @Test
    @DisplayName("docker0's subnet (recorded 172.17.0.1/16) contains the addresses of the recorded containers")
    void docker0_contains_its_containers() {
        assertThat(docker0().subnetContains("172.17.0.2")).isTrue();
        assertThat(docker0().subnetContains("172.17.0.3")).isTrue();
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            "172.17.0.1/16, 172.17.255.254, true",
            "172.17.0.1/16, 172.18.0.1,     false",
            "10.88.0.1/16,  10.88.0.2,      true",
            "192.0.2.2/24,  192.0.2.200,    true",
            "192.0.2.2/24,  192.0.3.2,      false",
            "0.0.0.0/0,     203.0.113.9,    true",
            "127.0.0.1/32,  127.0.0.1,      true",
            "127.0.0.1/32,  127.0.0.2,      false"})
    @DisplayName("subnetContains compares the network part only")
    void subnet_contains(String cidr, String other, boolean expected) {
        assertThat(IpAddress.parseCidr(cidr).subnetContains(other)).isEqualTo(expected);
    }

    @Test
    @DisplayName("sameSubnetAs holds for the gateway and the network address of one subnet")
    void same_subnet_as_ignores_the_host_part() {
        assertThat(docker0().sameSubnetAs(IpAddress.parseCidr("172.17.0.0/16"))).isTrue();
    }

    @Test
    @DisplayName("sameSubnetAs needs the same prefix length")
    void same_subnet_as_needs_the_same_prefix() {
        assertThat(docker0().sameSubnetAs(IpAddress.parseCidr("172.17.0.0/24"))).isFalse();
    }

    @Test
    @DisplayName("parseCidr without a prefix is a host address (/32)")
    void parse_cidr_without_prefix_is_a_host() {
        assertThat(IpAddress.parseCidr("172.17.0.2").prefixLength()).isEqualTo(32);
    }

    @Test
    @DisplayName("an IPv6 address is in no IPv4 subnet, and no IPv4 address is in an IPv6 one")
    void ipv6_is_never_in_an_ipv4_subnet() {
        IpAddress ipv6 = new IpAddress("inet6", "fd00::2", 64);

        assertThat(docker0().subnetContains("fd00::2")).isFalse();
        assertThat(ipv6.subnetContains("172.17.0.2")).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"garbage", "fd00::/64", "172.17.0.0/33", "172.17.0.0/-1", "172.17.0/16", "172.17.0.256/16",
            "172.17.0.0/sixteen", ""})
    @DisplayName("parseCidr of anything but an IPv4 CIDR is an error naming it")
    void parse_cidr_rejects_garbage(String text) {
        assertThatThrownBy(() -> IpAddress.parseCidr(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + text + "'");
    }

    @Test
    @DisplayName("subnetContains of a garbled dotted address is an error, not an answer")
    void subnet_contains_rejects_garbled_addresses() {
        assertThatThrownBy(() -> docker0().subnetContains("172.17.0.x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("172.17.0.x");
    }
}
