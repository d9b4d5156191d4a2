package org.sysnerd.dockerlabs.probe;

import java.util.List;
import org.sysnerd.dockerlabs.facts.DnatRule;
import org.sysnerd.dockerlabs.facts.FirewallBackend;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.parse.IptablesParser;
import org.sysnerd.dockerlabs.parse.NftParser;

/** The host's nat table, as the engine's firewall backend writes it: iptables, nftables, or netavark's either. */
public final class NatFacts {

    private final Host host;
    /** What is looked up once, shared by the views of each lab. */
    private final Known known;

    private static final class Known {
        private volatile boolean netavarkNftables;
    }

    NatFacts(Host host) {
        this(host, new Known());
    }

    private NatFacts(Host host, Known known) {
        this.host = host;
        this.known = known;
    }

    /** The same facts read through another view of the host (a lab's journal). */
    NatFacts on(Host view) {
        return new NatFacts(view, known);
    }

    /** The DNAT rules of the nat table, with their packet counters. */
    public Seen<List<DnatRule>> dnatRules(FirewallBackend backend) {
        return switch (backend) {
            case IPTABLES -> new Seen<>(IptablesParser.dnatRules(host.run(List.of("iptables", "-t", "nat", "-S", "-v"))),
                    "sudo iptables -t nat -S DOCKER -v");
            case NFTABLES -> new Seen<>(NftParser.dnatRules(host.run(List.of("nft", "list", "ruleset"))),
                    "sudo nft list table ip docker-bridges");
            case NETAVARK -> netavarkUsesNftables()
                    ? new Seen<>(NftParser.dnatRules(host.run(List.of("nft", "list", "table", "inet", "netavark"))),
                            "sudo nft list table inet netavark")
                    : new Seen<>(IptablesParser.dnatRules(host.run(List.of("iptables", "-t", "nat", "-S", "-v"))),
                            "sudo iptables -t nat -S NETAVARK-HOSTPORT-DNAT -v; sudo iptables -t nat -S -v | grep NETAVARK-DN-");
        };
    }

    /**
     * True when Podman's netavark writes its rules to nftables ({@code table inet netavark}, its firewall driver
     * {@code nftables}, the default from netavark 1.13 on some distributions), false for its iptables driver. Asked
     * each time until the table is seen: netavark makes it with the first container that needs it.
     */
    private boolean netavarkUsesNftables() {
        if (!known.netavarkNftables) {
            try {
                known.netavarkNftables = NftParser.hasTable(host.run(List.of("nft", "list", "tables")), "inet", "netavark");
            } catch (HostFactUnavailable e) {
                return false; // no nft on this host: netavark cannot be using nftables either
            }
        }
        return known.netavarkNftables;
    }

    /** The host's {@code iptables --version} (e.g. {@code iptables v1.8.11 (nf_tables)}); null when it cannot be run. */
    public String iptablesVersion() {
        try {
            return host.run(List.of("iptables", "--version")).strip();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
