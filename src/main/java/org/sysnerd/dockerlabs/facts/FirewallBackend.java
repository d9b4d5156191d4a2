package org.sysnerd.dockerlabs.facts;

/**
 * Where the engine writes its NAT rules: iptables (any Docker), nftables (Engine 29, experimental), or netavark
 * (Podman), which writes to nftables' {@code table inet netavark} when that is its firewall driver, else iptables.
 */
public enum FirewallBackend {
    IPTABLES,
    NFTABLES,
    NETAVARK;

    /** From {@code docker info}'s {@code FirewallBackend.Driver} (28.1+; absent before: iptables). */
    public static FirewallBackend fromDriver(String driver) {
        return driver != null && driver.startsWith("nftables") ? NFTABLES : IPTABLES;
    }
}
