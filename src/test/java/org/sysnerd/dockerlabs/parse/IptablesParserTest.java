package org.sysnerd.dockerlabs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.facts.DnatRule;

@DisplayName("IptablesParser reads DNAT rules out of `iptables -t nat -S -v`")
class IptablesParserTest {

    private static List<DnatRule> rules(String fixture) {
        return IptablesParser.dnatRules(Fixtures.text("iptables/" + fixture));
    }

    private static DnatRule ruleFor(String fixture, int port) {
        return rules(fixture).stream().filter(r -> r.matches("tcp", port)).findFirst()
                .orElseThrow(() -> new AssertionError("no DNAT rule for tcp " + port + " in " + fixture));
    }

    // --- recorded on this host: Docker 20.10, one container on 127.0.0.1::80, one on 0:80 ---

    @Test
    @DisplayName("Docker 20.10 (recorded): one DNAT rule per published port, in chain DOCKER")
    void docker_20_10_has_one_rule_per_published_port() {
        assertThat(rules("docker-20.10-recorded.txt")).extracting(DnatRule::chain, DnatRule::port)
                .containsExactly(tuple("DOCKER", 32770),
                        tuple("DOCKER", 32771));
    }

    @Test
    @DisplayName("Docker 20.10 (recorded): the port published on all interfaces goes to the container's address, port 80")
    void docker_20_10_rewrites_to_the_container_address() {
        DnatRule rule = ruleFor("docker-20.10-recorded.txt", 32771);

        assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("172.17.0.3:80");
        assertThat(rule.destination()).isNull();
    }

    @Test
    @DisplayName("Docker 20.10 (recorded): the rule skips packets from docker0 and counts the ones it rewrote")
    void docker_20_10_rule_has_not_interface_and_packets() {
        DnatRule rule = ruleFor("docker-20.10-recorded.txt", 32771);

        assertThat(rule.notInterface()).isEqualTo("docker0");
        assertThat(rule.packets()).isEqualTo(3);
    }

    @Test
    @DisplayName("a port published on 127.0.0.1 (recorded) has -d 127.0.0.1/32 as destination")
    void loopback_publication_has_a_destination() {
        DnatRule rule = ruleFor("docker-20.10-recorded.txt", 32770);

        assertThat(rule.destination()).isEqualTo("127.0.0.1/32");
        assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("172.17.0.2:80");
    }

    @Test
    @DisplayName("without -v (recorded) there are no counters: packets is -1")
    void without_counters_packets_is_minus_one() {
        assertThat(rules("docker-20.10-no-counters-recorded.txt")).extracting(DnatRule::packets)
                .containsExactly(-1L, -1L);
    }

    @Test
    @DisplayName("Debian 13's iptables-nft 1.8.11 (recorded on the booted VM, Docker 26.1.5): the same rules, through nf_tables")
    void debian_13_iptables_nft() {
        assertThat(rules("docker-26.1-debian13-nft-recorded.txt"))
                .extracting(DnatRule::chain, DnatRule::port, DnatRule::destination, r -> r.toAddress() + ":" + r.toPort(),
                        DnatRule::notInterface, DnatRule::packets)
                .containsExactly(tuple("DOCKER", 32768, null, "172.17.0.2:80", "docker0", 0L),
                        tuple("DOCKER", 32769, "127.0.0.1/32", "172.17.0.2:80", "docker0", 0L));
    }

    // --- written from HOST-FACTS.md ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"userland-proxy-false.txt", "docker-28.txt", "docker-29.txt", "quoted-comment.txt",
            "kube-proxy-portless-dnat.txt"})
    @DisplayName("across Docker versions and set-ups the rule for -p 8080:80 rewrites tcp 8080 to 172.17.0.2:80")
    void every_docker_variant_rewrites_8080_to_the_container(String fixture) {
        DnatRule rule = ruleFor(fixture, 8080);

        assertThat(rule.chain()).isEqualTo("DOCKER");
        assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("172.17.0.2:80");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docker-28.txt", "docker-29.txt", "quoted-comment.txt", "kube-proxy-portless-dnat.txt"})
    @DisplayName("with the userland proxy on, the rule skips packets arriving on docker0")
    void with_the_userland_proxy_the_rule_skips_docker0(String fixture) {
        assertThat(ruleFor(fixture, 8080).notInterface()).isEqualTo("docker0");
    }

    @Test
    @DisplayName("--userland-proxy=false: the DNAT rule has no `! -i docker0`")
    void without_the_userland_proxy_there_is_no_not_interface() {
        DnatRule rule = ruleFor("userland-proxy-false.txt", 8080);

        assertThat(rule.notInterface()).isNull();
        assertThat(rule.packets()).isEqualTo(6);
    }

    @Test
    @DisplayName("Docker 28: DOCKER-FORWARD, DOCKER-CT, DOCKER-BRIDGE and the raw-table DROP are not DNAT rules")
    void docker_28_chains_around_the_rule_are_ignored() {
        assertThat(rules("docker-28.txt")).hasSize(1);
    }

    @Test
    @DisplayName("Docker 29: without `-A DOCKER -i docker0 -j RETURN` the DNAT rule reads the same")
    void docker_29_rule_is_unchanged() {
        DnatRule rule = ruleFor("docker-29.txt", 8080);

        assertThat(rule.packets()).isEqualTo(3);
        assertThat(rules("docker-29.txt")).hasSize(1);
    }

    @Test
    @DisplayName("Podman netavark: the DNAT rule is in its NETAVARK-DN-<hash> chain, to 10.88.0.2:80")
    void podman_netavark_rule_is_in_its_own_chain() {
        DnatRule rule = ruleFor("podman-netavark.txt", 8080);

        assertThat(rule.chain()).isEqualTo("NETAVARK-DN-1D8721804F16F");
        assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("10.88.0.2:80");
    }

    @Test
    @DisplayName("Podman netavark: the jumps to NETAVARK-DN-<hash> and its SETMARK rules are not DNAT rules")
    void podman_netavark_jumps_are_not_dnat_rules() {
        assertThat(rules("podman-netavark.txt")).hasSize(1);
    }

    @Test
    @DisplayName("--iptables=false: no DOCKER chain, no DNAT rule at all")
    void without_iptables_there_are_no_rules() {
        assertThat(rules("iptables-false.txt")).isEmpty();
    }

    @Test
    @DisplayName("a quoted --comment (with \\\" and \\' escapes) is one word: its text is never read as options")
    void quoted_comments_are_not_options() {
        assertThat(rules("quoted-comment.txt")).extracting(DnatRule::chain, DnatRule::protocol, DnatRule::port)
                .containsExactly(tuple("PREROUTING", "tcp", 2222),
                        tuple("DOCKER", "tcp", 8080));
    }

    @Test
    @DisplayName("a rule whose comment mentions `-j DNAT` but which jumps to ACCEPT is not a DNAT rule")
    void a_comment_mentioning_dnat_does_not_make_a_dnat_rule() {
        assertThat(rules("quoted-comment.txt")).noneMatch(rule -> rule.toAddress().equals("9.9.9.9"));
    }

    @Test
    @DisplayName("DNAT rules without a single --dport (kube-proxy's, port ranges) are left out, not fatal")
    void rules_without_a_single_port_are_left_out() {
        assertThat(rules("kube-proxy-portless-dnat.txt")).extracting(DnatRule::toAddress)
                .containsExactly("172.17.0.2");
    }

    @Test
    @DisplayName("an IPv6 target [fd00::2]:80 gives address fd00::2 and port 80")
    void ipv6_target_with_a_port() {
        DnatRule rule = ruleFor("ipv6-target.txt", 8080);

        assertThat(rule.toAddress()).isEqualTo("fd00::2");
        assertThat(rule.toPort()).isEqualTo(80);
    }

    @Test
    @DisplayName("an IPv6 target without a port (fd00::3) keeps the whole address and port -1")
    void ipv6_target_without_a_port() {
        DnatRule rule = rules("ipv6-target.txt").stream().filter(r -> r.matches("udp", 5353)).findFirst().orElseThrow();

        assertThat(rule.toAddress()).isEqualTo("fd00::3");
        assertThat(rule.toPort()).isEqualTo(-1);
    }

    // --- failure behaviour ---

    @Test
    @DisplayName("a DNAT rule without --to-destination is an error naming the line")
    void a_dnat_rule_without_target_is_an_error() {
        String line = "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT";

        assertThatThrownBy(() -> IptablesParser.dnatRules(line))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(line);
    }

    @Test
    @DisplayName("a DNAT rule with a port that is not a number is an error naming the line")
    void a_dnat_rule_with_a_garbled_port_is_an_error() {
        String line = "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 80x0 -j DNAT --to-destination 172.17.0.2:80";

        assertThatThrownBy(() -> IptablesParser.dnatRules(line))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(line);
    }

    @Test
    @DisplayName("a DNAT target with a garbled port is an error naming the line")
    void a_dnat_target_with_a_garbled_port_is_an_error() {
        String line = "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:http";

        assertThatThrownBy(() -> IptablesParser.dnatRules(line))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(line);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "garbage", "Chain DOCKER (2 references)\nDNAT tcp -- !docker0 * 0.0.0.0/0 0.0.0.0/0"})
    @DisplayName("text that holds no `-A ... -j DNAT` line (e.g. `iptables -L` output) has no rules rather than wrong ones")
    void text_without_rules_gives_no_rules(String text) {
        assertThat(IptablesParser.dnatRules(text)).isEmpty();
    }

    @Test
    @DisplayName("nft output is not read as iptables rules")
    void nft_output_gives_no_rules() {
        assertThat(IptablesParser.dnatRules(Fixtures.text("nft/docker-29-nftables.txt"))).isEmpty();
    }

    // --- recorded on this host: Podman 4.3.1's netavark (iptables driver) beside Docker 20.10's chains ---

    @Test
    @DisplayName("Podman 4.3.1 netavark (recorded): one DNAT rule per published port, in NETAVARK-DN-<hash>, none in DOCKER")
    void podman_recorded_rules_are_in_netavarks_chain() {
        assertThat(rules("podman-4.3.1-netavark-recorded.txt")).extracting(DnatRule::chain, DnatRule::port)
                .containsExactly(tuple("NETAVARK-DN-1D8721804F16F", 42045),
                        tuple("NETAVARK-DN-1D8721804F16F", 42029));
    }

    @Test
    @DisplayName("Podman 4.3.1 netavark (recorded): -p 80 goes to the container's address, port 80, and counts the requests")
    void podman_recorded_rule_rewrites_to_the_container_address() {
        DnatRule rule = ruleFor("podman-4.3.1-netavark-recorded.txt", 42029);

        assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("10.88.0.12:80");
        assertThat(rule.notInterface()).isNull();
        assertThat(rule.packets()).isEqualTo(4);
    }

    @Test
    @DisplayName("Podman 4.3.1 netavark (recorded): -p 127.0.0.1::80 limits the rule to -d 127.0.0.1/32")
    void podman_recorded_loopback_rule_has_a_destination() {
        assertThat(ruleFor("podman-4.3.1-netavark-recorded.txt", 42045).destination()).isEqualTo("127.0.0.1/32");
    }
}
