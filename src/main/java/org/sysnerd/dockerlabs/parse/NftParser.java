package org.sysnerd.dockerlabs.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sysnerd.dockerlabs.facts.DnatRule;

/**
 * Reads the DNAT rules out of {@code nft list ruleset} (or one table), as Docker 29's nftables backend writes them:
 * <pre>{@code iifname != "docker0" tcp dport 8080 counter packets 3 bytes 180 dnat to 172.17.0.2:80 comment "DNAT"}</pre>
 */
public final class NftParser {

    private static final Pattern CHAIN = Pattern.compile("^\\s*chain\\s+(\\S+)\\s*\\{");
    private static final Pattern NOT_IIF = Pattern.compile("iifname != \"?([^\"\\s]+)\"?");
    private static final Pattern DADDR = Pattern.compile("ip6? daddr (\\S+)");
    private static final Pattern DPORT = Pattern.compile("(tcp|udp|sctp) dport (\\d+)");
    private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+)");
    private static final Pattern DNAT = Pattern.compile("dnat (?:ip6? )?to (\\S+)");

    private NftParser() {
    }

    /** The DNAT rules of every chain, in order. */
    public static List<DnatRule> dnatRules(String ruleset) {
        List<DnatRule> rules = new ArrayList<>();
        String chain = null;
        for (String line : ruleset.lines().toList()) {
            Matcher chainStart = CHAIN.matcher(line);
            if (chainStart.find()) {
                chain = chainStart.group(1);
            } else if (DNAT.matcher(line).find() && DPORT.matcher(line).find()) {
                rules.add(parseRule(chain, line));
            }
        }
        return List.copyOf(rules);
    }

    /** True when {@code nft list tables} (or a ruleset) names the table, e.g. {@code table inet netavark}. */
    public static boolean hasTable(String tables, String family, String name) {
        return tables.lines().map(String::strip).anyMatch(line -> line.equals("table " + family + " " + name)
                || line.equals("table " + family + " " + name + " {"));
    }

    static DnatRule parseRule(String chain, String line) {
        Matcher port = DPORT.matcher(line);
        Matcher to = DNAT.matcher(line);
        port.find();
        to.find();
        IptablesParser.Destination target;
        try {
            target = IptablesParser.Destination.parse(to.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in '" + line.strip() + "'", e);
        }
        return new DnatRule(chain, port.group(1), group(NOT_IIF, line), group(DADDR, line),
                Integer.parseInt(port.group(2)), target.address(), target.port(),
                group(COUNTER, line) == null ? -1 : Long.parseLong(group(COUNTER, line)));
    }

    private static String group(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? matcher.group(1) : null;
    }
}
