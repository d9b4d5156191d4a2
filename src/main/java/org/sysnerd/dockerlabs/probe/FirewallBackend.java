package org.sysnerd.dockerlabs.probe;

/** Where the daemon writes its NAT rules: iptables (any Docker) or nftables (Engine 29, experimental). */
public enum FirewallBackend {
    IPTABLES,
    NFTABLES;

    /** From {@code docker info}'s {@code FirewallBackend.Driver} (28.1+; absent before: iptables). */
    public static FirewallBackend fromDriver(String driver) {
        return driver != null && driver.startsWith("nftables") ? NFTABLES : IPTABLES;
    }
}
