package org.sysnerd.dockerlabs.facts;

/**
 * A DNAT rule of the nat table: packets for {@code protocol} port {@code port} (on {@code destination},
 * when set) are rewritten to {@code toAddress:toPort}. Read from {@code iptables -S} or {@code nft list}.
 *
 * @param chain        the chain holding the rule ({@code DOCKER}, {@code nat-prerouting-and-output}, ...)
 * @param notInterface the rule skips packets arriving on this interface ({@code ! -i docker0}), or null
 * @param destination  the destination the rule is limited to ({@code -d 127.0.0.1/32}), or null
 * @param packets      the rule's packet counter, or -1 when the output had no counters
 */
public record DnatRule(String chain, String protocol, String notInterface, String destination, int port,
                       String toAddress, int toPort, long packets) {

    /** True when this rule rewrites {@code protocol} port {@code port}. */
    public boolean matches(String protocol, int port) {
        return this.protocol.equals(protocol) && this.port == port;
    }

    /** Where a request must go for this rule to match it: its destination ({@code -d 127.0.0.1/32}), else {@code anyLocal}. */
    public String addressFor(String anyLocal) {
        return destination == null ? anyLocal : destination.replaceFirst("/32$", "");
    }

    /** True when it matches only packets to a loopback address: the rule of {@code docker run -p 127.0.0.1:8080:80}. */
    public boolean loopbackOnly() {
        return destination != null && destination.startsWith("127.");
    }

    @Override
    public String toString() {
        return "-A " + chain
                + (notInterface == null ? "" : " ! -i " + notInterface)
                + (destination == null ? "" : " -d " + destination)
                + " -p " + protocol + " --dport " + port
                + (packets < 0 ? "" : " -c " + packets)
                + " -j DNAT --to-destination " + toAddress + ":" + toPort;
    }
}
