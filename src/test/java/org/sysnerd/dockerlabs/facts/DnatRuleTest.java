package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.parse.IptablesParser;

/** Where Q3 sends its request, from the rule Docker wrote for each way of publishing (recorded, Docker 20.10). */
@DisplayName("A DNAT rule's destination: where a request must go for the rule to match it")
class DnatRuleTest {

    private static DnatRule ruleFor(int port) {
        return IptablesParser.dnatRules(Fixtures.text("iptables/docker-20.10-host-ip-publish-recorded.txt")).stream()
                .filter(r -> r.matches("tcp", port)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("-p 127.0.0.1:18080:80: the rule matches 127.0.0.1 only, so the request goes there")
    void published_on_loopback() {
        DnatRule rule = ruleFor(18080);

        assertThat(rule.destination()).isEqualTo("127.0.0.1/32");
        assertThat(rule.loopbackOnly()).isTrue();
        assertThat(rule.addressFor("172.17.0.1")).isEqualTo("127.0.0.1");
        assertThat(rule.toString()).isEqualTo("-A DOCKER ! -i docker0 -d 127.0.0.1/32 -p tcp --dport 18080 -c 0 -j DNAT "
                + "--to-destination 172.17.0.7:80");
    }

    @Test
    @DisplayName("-p 18081:80/tcp and -p 0.0.0.0:18082:80: no destination, so the request goes to docker0's address")
    void published_on_all_addresses() {
        assertThat(ruleFor(18081).addressFor("172.17.0.1")).isEqualTo("172.17.0.1");
        assertThat(ruleFor(18082).addressFor("172.17.0.1")).isEqualTo("172.17.0.1");
        assertThat(ruleFor(18082).loopbackOnly()).isFalse();
    }

    @Test
    @DisplayName("a rule for a host address other than loopback is no loopback-only rule")
    void published_on_a_host_address() {
        DnatRule rule = new DnatRule("DOCKER", "tcp", "docker0", "192.168.1.5/32", 8080, "172.17.0.2", 80, 0);

        assertThat(rule.loopbackOnly()).isFalse();
        assertThat(rule.addressFor("172.17.0.1")).isEqualTo("192.168.1.5");
    }

    @Test
    @DisplayName("-p 127.0.0.1:8080:80 under --userland-proxy=false (recorded): the same destination, no ! -i docker0, counted")
    void published_on_loopback_without_the_userland_proxy() {
        DnatRule rule = IptablesParser.dnatRules(Fixtures.text(
                "iptables/docker-20.10-userland-proxy-false-loopback-publish-recorded.txt")).get(0);

        assertThat(rule.loopbackOnly()).isTrue();
        assertThat(rule.notInterface()).isNull();
        assertThat(rule.packets()).isEqualTo(1);
    }
}
