package org.sysnerd.dockerlabs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.facts.DnatRule;

@DisplayName("NftParser reads DNAT rules out of `nft list ruleset`")
class NftParserTest {

    private static List<DnatRule> rules(String fixture) {
        return NftParser.dnatRules(Fixtures.text("nft/" + fixture));
    }

    private static DnatRule ruleFor(String fixture, String protocol, int port) {
        return rules(fixture).stream().filter(r -> r.matches(protocol, port)).findFirst()
                .orElseThrow(() -> new AssertionError("no DNAT rule for " + protocol + " " + port + " in " + fixture));
    }

    // --- recorded on this host: Docker 20.10's rules as iptables-nft stores them ---

    @Test
    @DisplayName("iptables-nft (recorded): Docker 20.10's two DNAT rules are in chain DOCKER of table ip nat")
    void iptables_nft_rules_are_in_chain_docker() {
        assertThat(rules("iptables-nft-docker-20.10-recorded.txt")).extracting(DnatRule::chain)
                .containsExactly("DOCKER", "DOCKER");
    }

    @Test
    @DisplayName("iptables-nft (recorded): the all-interfaces rule rewrites tcp 32771 to 172.17.0.3:80")
    void iptables_nft_rule_target() {
        DnatRule rule = ruleFor("iptables-nft-docker-20.10-recorded.txt", "tcp", 32771);

        assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("172.17.0.3:80");
        assertThat(rule.notInterface()).isEqualTo("docker0");
    }

    @Test
    @DisplayName("iptables-nft (recorded): the counter gives the packets the rule rewrote")
    void iptables_nft_rule_packets() {
        assertThat(ruleFor("iptables-nft-docker-20.10-recorded.txt", "tcp", 32771).packets()).isEqualTo(3);
    }

    @Test
    @DisplayName("iptables-nft (recorded): a port published on 127.0.0.1 has `ip daddr 127.0.0.1` as destination")
    void iptables_nft_loopback_destination() {
        assertThat(ruleFor("iptables-nft-docker-20.10-recorded.txt", "tcp", 32770).destination()).isEqualTo("127.0.0.1");
    }

    // --- recorded from Docker 29.7.2 with --firewall-backend=nftables (a daemon in a network namespace here) ---

    @Test
    @DisplayName("Docker 29.7.2 nftables (recorded): one DNAT rule, in chain nat-prerouting-and-output, to 172.17.0.2:80")
    void docker_29_7_2_rule() {
        assertThat(rules("docker-29.7.2-nftables-recorded.txt")).singleElement()
                .satisfies(rule -> assertThat(rule.chain()).isEqualTo("nat-prerouting-and-output"))
                .satisfies(rule -> assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("172.17.0.2:80"));
    }

    @Test
    @DisplayName("Docker 29.7.2 nftables (recorded): the rule skips docker0, and counts the one request to docker0's address")
    void docker_29_7_2_rule_fields() {
        DnatRule rule = ruleFor("docker-29.7.2-nftables-recorded.txt", "tcp", 8080);

        assertThat(rule.notInterface()).isEqualTo("docker0");
        assertThat(rule.packets()).isEqualTo(1);
    }

    @Test
    @DisplayName("Docker 29.7.2 nftables (recorded): `nft list tables` names table ip docker-bridges, and no ip nat")
    void docker_29_7_2_tables() {
        String tables = Fixtures.text("nft/docker-29.7.2-nftables-tables-recorded.txt");

        assertThat(NftParser.hasTable(tables, "ip", "docker-bridges")).isTrue();
        assertThat(NftParser.hasTable(tables, "ip", "nat")).isFalse();
    }

    // --- written from HOST-FACTS.md ---

    @Test
    @DisplayName("Docker 29 nftables backend: the DNAT rule is in chain nat-prerouting-and-output")
    void docker_29_rule_is_in_nat_prerouting_and_output() {
        DnatRule rule = ruleFor("docker-29-nftables.txt", "tcp", 8080);

        assertThat(rule.chain()).isEqualTo("nat-prerouting-and-output");
        assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("172.17.0.2:80");
    }

    @Test
    @DisplayName("Docker 29 nftables backend: the rule skips docker0 and counts 3 packets")
    void docker_29_rule_fields() {
        DnatRule rule = ruleFor("docker-29-nftables.txt", "tcp", 8080);

        assertThat(rule.notInterface()).isEqualTo("docker0");
        assertThat(rule.packets()).isEqualTo(3);
    }

    @Test
    @DisplayName("Docker 29 nftables backend: the raw DROP and the filter accept for port 80 are not DNAT rules")
    void docker_29_has_one_dnat_rule() {
        assertThat(rules("docker-29-nftables.txt")).hasSize(1);
    }

    @Test
    @DisplayName("Docker 29: the iptables and the nftables backend give the same DNAT fact")
    void both_backends_give_the_same_fact() {
        DnatRule nft = ruleFor("docker-29-nftables.txt", "tcp", 8080);
        DnatRule iptables = IptablesParser.dnatRules(Fixtures.text("iptables/docker-29.txt")).get(0);

        assertThat(nft).usingRecursiveComparison().ignoringFields("chain").isEqualTo(iptables);
    }

    @Test
    @DisplayName("Podman netavark (table inet netavark): `dnat ip to 10.88.0.2:80` in its nv_..._dnat chain")
    void podman_netavark_rule() {
        DnatRule rule = ruleFor("podman-netavark.txt", "tcp", 8080);

        assertThat(rule.chain()).isEqualTo("nv_2f259bab_10_88_0_0_nm16_dnat");
        assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("10.88.0.2:80");
    }

    @Test
    @DisplayName("Podman netavark: no counter and no iifname match (packets -1, notInterface null); the SETMARK jumps are not DNAT")
    void podman_netavark_rule_has_no_counter() {
        assertThat(rules("podman-netavark.txt")).singleElement()
                .satisfies(rule -> assertThat(rule.packets()).isEqualTo(-1))
                .satisfies(rule -> assertThat(rule.notInterface()).isNull());
    }

    @Test
    @DisplayName("an IPv6 target `dnat to [fd00::2]:80` gives address fd00::2 and port 80")
    void ipv6_target_with_a_port() {
        DnatRule rule = ruleFor("ipv6-target.txt", "tcp", 8080);

        assertThat(rule.toAddress()).isEqualTo("fd00::2");
        assertThat(rule.toPort()).isEqualTo(80);
    }

    @Test
    @DisplayName("an IPv6 target without a port (`dnat to fd00::3`) keeps the whole address and port -1")
    void ipv6_target_without_a_port() {
        DnatRule rule = ruleFor("ipv6-target.txt", "udp", 5353);

        assertThat(rule.toAddress()).isEqualTo("fd00::3");
        assertThat(rule.toPort()).isEqualTo(-1);
    }

    // --- failure behaviour: NftParser never throws; text without nft DNAT rules has no rules ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "garbage", "table ip nat {\n}\n", "{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\"}}]}"})
    @DisplayName("text without nft DNAT rules (garbage, an empty table, `nft -j` JSON) has no rules rather than wrong ones")
    void text_without_rules_gives_no_rules(String text) {
        assertThat(NftParser.dnatRules(text)).isEmpty();
    }

    @Test
    @DisplayName("a DNAT rule whose target port is not a number is an error naming the line")
    void a_garbled_target_is_an_error() {
        String line = "iifname != \"docker0\" tcp dport 8080 counter packets 0 bytes 0 dnat to 172.17.0.2:http";

        assertThatThrownBy(() -> NftParser.dnatRules("table ip t {\n\tchain c {\n\t\t" + line + "\n\t}\n}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(line);
    }

    @Test
    @DisplayName("iptables output is not read as nft rules")
    void iptables_output_gives_no_rules() {
        assertThat(NftParser.dnatRules(Fixtures.text("iptables/docker-20.10-recorded.txt"))).isEmpty();
    }

    @Test
    @DisplayName("netavark's nftables driver is told by its table in `nft list tables`: table inet netavark")
    void netavark_table_is_found_in_the_table_list() {
        assertThat(NftParser.hasTable("table ip nat\ntable ip filter\ntable inet netavark\n", "inet", "netavark")).isTrue();
        assertThat(NftParser.hasTable(Fixtures.text("nft/podman-netavark.txt"), "inet", "netavark")).isTrue();
    }

    @Test
    @DisplayName("with netavark's iptables driver (recorded `nft list tables`: only iptables-nft's tables) there is no such table")
    void iptables_driver_has_no_netavark_table() {
        assertThat(NftParser.hasTable("table ip nat\ntable ip filter\n", "inet", "netavark")).isFalse();
        assertThat(NftParser.hasTable("table ip netavark\n", "inet", "netavark")).isFalse();
    }
}
