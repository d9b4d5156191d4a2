package org.sysnerd.dockerlabs.probe;

import org.sysnerd.dockerlabs.facts.FirewallBackend;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.facts.DnatRule;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("On Podman, the DNAT rules are read where netavark writes them: nftables' table inet netavark, else iptables")
class HostFactsNetavarkTest {

    private static final String IPTABLES = "iptables -t nat -S -v";
    private static final String TABLES = "nft list tables";
    private static final String NETAVARK_TABLE = "nft list table inet netavark";

    @Test
    @DisplayName("netavark's iptables driver (recorded: Podman 4.3.1): NETAVARK-HOSTPORT-DNAT -> NETAVARK-DN-<hash> -> DNAT")
    void iptables_driver() {
        FixtureHost host = FixtureHost.withCommands(Map.of(TABLES, "table ip nat\ntable ip filter\n",
                IPTABLES, Fixtures.text("iptables/podman-4.3.1-netavark-recorded.txt")));

        Seen<List<DnatRule>> rules = new HostFacts(host).dnatRules(FirewallBackend.NETAVARK);

        assertThat(rules.value()).extracting(DnatRule::chain).containsOnly("NETAVARK-DN-1D8721804F16F");
        assertThat(rules.command()).contains("iptables -t nat -S NETAVARK-HOSTPORT-DNAT");
        assertThat(host.ran).containsExactly(TABLES, IPTABLES);
    }

    @Test
    @DisplayName("netavark's nftables driver (written): the rule in table inet netavark's nv_<net>_dnat chain")
    void nftables_driver() {
        String table = Fixtures.text("nft/podman-netavark.txt");
        FixtureHost host = FixtureHost.withCommands(Map.of(TABLES, "table ip nat\ntable inet netavark\n", NETAVARK_TABLE, table));

        Seen<List<DnatRule>> rules = new HostFacts(host).dnatRules(FirewallBackend.NETAVARK);

        assertThat(rules.value()).singleElement().satisfies(rule -> {
            assertThat(rule.chain()).isEqualTo("nv_2f259bab_10_88_0_0_nm16_dnat");
            assertThat(rule.toAddress() + ":" + rule.toPort()).isEqualTo("10.88.0.2:80");
        });
        assertThat(rules.command()).isEqualTo("sudo nft list table inet netavark");
    }

    @Test
    @DisplayName("once the netavark table was seen, it is read without asking again")
    void the_table_is_looked_for_until_seen() {
        FixtureHost host = FixtureHost.withCommands(Map.of(TABLES, "table inet netavark\n", NETAVARK_TABLE,
                Fixtures.text("nft/podman-netavark.txt")));
        HostFacts facts = new HostFacts(host);

        facts.dnatRules(FirewallBackend.NETAVARK);
        facts.dnatRules(FirewallBackend.NETAVARK);

        assertThat(host.ran).containsExactly(TABLES, NETAVARK_TABLE, NETAVARK_TABLE);
    }

    @Test
    @DisplayName("a host without nft: netavark cannot be using nftables, the rules are read with iptables")
    void without_nft() {
        FixtureHost host = FixtureHost.withCommands(Map.of(IPTABLES, Fixtures.text("iptables/podman-4.3.1-netavark-recorded.txt")));

        assertThat(new HostFacts(host).dnatRules(FirewallBackend.NETAVARK).value()).hasSize(2);
    }
}
