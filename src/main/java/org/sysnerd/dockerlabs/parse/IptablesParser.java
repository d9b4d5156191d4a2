package org.sysnerd.dockerlabs.parse;

import java.util.ArrayList;
import java.util.List;
import org.sysnerd.dockerlabs.facts.DnatRule;

/**
 * Reads the DNAT rules out of {@code iptables -t nat -S [-v]} (iptables-save syntax):
 * <pre>{@code -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -c 3 180 -j DNAT --to-destination 172.17.0.2:80}</pre>
 * Rules are matched by their fields, never by the whole line: the chains around them change between
 * Docker versions, and Podman's netavark writes the same rule in chains of its own.
 */
public final class IptablesParser {

    private IptablesParser() {
    }

    /** The DNAT rules of any chain, in order. */
    public static List<DnatRule> dnatRules(String save) {
        List<DnatRule> rules = new ArrayList<>();
        for (String line : save.lines().map(String::strip).toList()) {
            if (line.startsWith("-A ") && line.contains("-j DNAT")) {
                rules.add(parseRule(line));
            }
        }
        return List.copyOf(rules);
    }

    static DnatRule parseRule(String line) {
        List<String> tokens = Tokens.split(line);
        String chain = null, protocol = null, notInterface = null, destination = null, to = null;
        int port = -1;
        long packets = -1;
        boolean negated = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            switch (token) {
                case "!" -> { negated = true; continue; }
                case "-A" -> chain = next;
                case "-p" -> protocol = protocolName(next);
                case "-i" -> notInterface = negated ? next : notInterface;
                case "-d" -> destination = negated ? destination : next;
                case "--dport" -> port = negated ? port : Integer.parseInt(next);
                case "-c" -> packets = Long.parseLong(next);
                case "--to-destination" -> to = next;
                default -> { }
            }
            negated = false;
        }
        if (chain == null || protocol == null || port < 0 || to == null) {
            throw new IllegalArgumentException("DNAT rule without chain, protocol, port or target: '" + line + "'");
        }
        Destination target = Destination.parse(to);
        return new DnatRule(chain, protocol, notInterface, destination, port, target.address(), target.port(), packets);
    }

    /** {@code iptables -L -n} of iptables-nft 1.8.9 prints protocol numbers; -S should not, but be lenient. */
    private static String protocolName(String protocol) {
        return switch (protocol) {
            case "6" -> "tcp";
            case "17" -> "udp";
            default -> protocol;
        };
    }

    /** A DNAT target: {@code 172.17.0.2:80}, {@code [fd00::2]:80}, or an address alone (port unchanged: -1). */
    record Destination(String address, int port) {
        static Destination parse(String target) {
            int colon = target.lastIndexOf(':');
            boolean bracketed = target.startsWith("[");
            if (colon < 0 || bracketed && colon < target.indexOf(']')) {
                return new Destination(target.replaceAll("[\\[\\]]", ""), -1);
            }
            String address = target.substring(0, colon).replaceAll("[\\[\\]]", "");
            String port = target.substring(colon + 1).split("-")[0];
            return new Destination(address, Integer.parseInt(port));
        }
    }
}
