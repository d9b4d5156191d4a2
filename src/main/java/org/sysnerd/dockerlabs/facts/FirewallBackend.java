package org.sysnerd.dockerlabs.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the engine writes its NAT rules: iptables (any Docker), nftables (Engine 29, experimental), or netavark
 * (Podman), which writes to nftables' {@code table inet netavark} when that is its firewall driver, else iptables.
 */
public enum FirewallBackend {
    IPTABLES,
    NFTABLES,
    NETAVARK;

    private static final Pattern VERSION = Pattern.compile("iptables v(\\d+)\\.(\\d+)\\S*(?: \\((\\w+)\\))?");

    /**
     * Which iptables {@code iptables --version} names: {@code iptables v1.8.11 (nf_tables)} is {@code iptables-nft}
     * (the rules live in nftables' {@code ip nat} table, written through the iptables API), {@code (legacy)} and
     * versions before 1.8 (which had no other) {@code iptables-legacy}; null for anything else.
     */
    public static String iptablesVariant(String versionOutput) {
        if (versionOutput == null) {
            return null;
        }
        Matcher version = VERSION.matcher(versionOutput);
        if (!version.find()) {
            return null;
        }
        if ("nf_tables".equals(version.group(3))) {
            return "iptables-nft";
        }
        boolean before18 = Integer.parseInt(version.group(1)) == 1 && Integer.parseInt(version.group(2)) < 8;
        return "legacy".equals(version.group(3)) || (version.group(3) == null && before18) ? "iptables-legacy" : null;
    }

    /**
     * From {@code docker info}'s {@code FirewallBackend.Driver} (28.1+, API 1.49+); absent: iptables, which holds only
     * where {@code /info} was asked at 1.49 or later or the server speaks no 1.49 ({@code Engine.info} sees to both).
     */
    public static FirewallBackend fromDriver(String driver) {
        return driver != null && driver.startsWith("nftables") ? NFTABLES : IPTABLES;
    }
}
