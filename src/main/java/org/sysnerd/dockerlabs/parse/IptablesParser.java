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

    /**
     * The DNAT rules for one destination port ({@code --dport N}) of any chain, in order: the rules a published
     * port makes. DNAT rules that name no single port (kube-proxy's {@code KUBE-SEP-*} rules, {@code --dport a:b}
     * ranges) are left out. A DNAT rule that cannot be read is an {@link IllegalArgumentException} naming its line.
     */
    public static List<DnatRule> dnatRules(String save) {
        List<DnatRule> rules = new ArrayList<>();
        for (String line : save.lines().map(String::strip).toList()) {
            if (!line.startsWith("-A ")) {
                continue;
            }
            List<String> tokens = Tokens.split(line);
            if (jumpsToDnat(tokens)) {
                DnatRule rule = parseRule(line, tokens);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        return List.copyOf(rules);
    }

    /** True for {@code -j DNAT}; a comment that mentions "-j DNAT" is one quoted word and does not count. */
    private static boolean jumpsToDnat(List<String> tokens) {
        int jump = tokens.lastIndexOf("-j");
        return jump >= 0 && jump + 1 < tokens.size() && tokens.get(jump + 1).equals("DNAT");
    }

    /** The rule of a {@code -j DNAT} line, or null when it names no single destination port. */
    private static DnatRule parseRule(String line, List<String> tokens) {
        String chain = null, protocol = null, notInterface = null, destination = null, to = null, dport = null;
        long packets = -1;
        boolean negated = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            switch (token) {
                case "!" -> { negated = true; continue; }
                case "-A" -> chain = next;
                case "-p" -> protocol = next == null ? null : protocolName(next);
                case "-i" -> notInterface = negated ? next : notInterface;
                case "-d" -> destination = negated ? destination : next;
                case "--dport" -> dport = negated ? dport : next;
                case "-c" -> packets = number(next, "packet counter", line);
                case "--to-destination" -> to = next;
                default -> { }
            }
            negated = false;
        }
        if (chain == null || to == null) {
            throw new IllegalArgumentException("DNAT rule without chain or --to-destination: '" + line + "'");
        }
        if (dport == null || dport.contains(":")) {
            return null; // no single published port: kube-proxy's service endpoints, port ranges
        }
        if (protocol == null) {
            throw new IllegalArgumentException("DNAT rule with --dport but no protocol: '" + line + "'");
        }
        int port = (int) number(dport, "port", line);
        Destination target;
        try {
            target = Destination.parse(to);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in '" + line + "'", e);
        }
        return new DnatRule(chain, protocol, notInterface, destination, port, target.address(), target.port(), packets);
    }

    private static long number(String text, String what, String line) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DNAT rule with a " + what + " that is not a number ('" + text
                    + "'): '" + line + "'", e);
        }
    }

    /** {@code iptables -L -n} of iptables-nft 1.8.9 prints protocol numbers; -S should not, but be lenient. */
    private static String protocolName(String protocol) {
        return switch (protocol) {
            case "6" -> "tcp";
            case "17" -> "udp";
            default -> protocol;
        };
    }

    /**
     * A DNAT target: {@code 172.17.0.2:80}, {@code [fd00::2]:80}, or an address alone (port unchanged: -1),
     * which iptables and nft print for IPv6 without brackets: {@code fd00::3}. A port range gives its first port.
     */
    record Destination(String address, int port) {
        static Destination parse(String target) {
            if (target.startsWith("[")) {
                int close = target.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("DNAT target with an unclosed '[': '" + target + "'");
                }
                String rest = target.substring(close + 1);
                if (rest.isEmpty()) {
                    return new Destination(target.substring(1, close), -1);
                }
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("DNAT target with text after ']': '" + target + "'");
                }
                return new Destination(target.substring(1, close), port(rest.substring(1), target));
            }
            int colon = target.indexOf(':');
            if (colon < 0 || target.indexOf(':', colon + 1) >= 0) {
                return new Destination(target, -1); // IPv4 without a port, or a bare IPv6 address
            }
            return new Destination(target.substring(0, colon), port(target.substring(colon + 1), target));
        }

        private static int port(String ports, String target) {
            try {
                return Integer.parseInt(ports.split("-")[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DNAT target with a port that is not a number: '" + target + "'", e);
            }
        }
    }
}
