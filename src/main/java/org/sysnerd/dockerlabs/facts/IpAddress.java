package org.sysnerd.dockerlabs.facts;

/** An address on an interface with its prefix, as {@code ip addr} prints it: {@code 172.17.0.1/16}. */
public record IpAddress(String family, String address, int prefixLength) {

    /** Parses {@code 172.17.0.0/16} (IPv4 only); anything else is an {@link IllegalArgumentException}. */
    public static IpAddress parseCidr(String cidr) {
        String[] parts = cidr.strip().split("/", -1);
        if (parts.length > 2 || !isIpv4(parts[0])) {
            throw new IllegalArgumentException("not an IPv4 CIDR: '" + cidr + "'");
        }
        int prefix;
        try {
            prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : 32;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IPv4 CIDR (prefix length): '" + cidr + "'", e);
        }
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("not an IPv4 CIDR (prefix length 0 to 32): '" + cidr + "'");
        }
        return new IpAddress("inet", parts[0], prefix);
    }

    /**
     * True when {@code other} (an IPv4 address) lies in this address's subnet; false for IPv6 on either side.
     * A garbled dotted address is an {@link IllegalArgumentException}.
     */
    public boolean subnetContains(String other) {
        if (!"inet".equals(family) || !other.contains(".")) {
            return false;
        }
        long mask = prefixLength == 0 ? 0 : 0xFFFFFFFFL << (32 - prefixLength) & 0xFFFFFFFFL;
        return (ipv4(address) & mask) == (ipv4(other) & mask);
    }

    /** True when both name the same subnet, whatever their host part. */
    public boolean sameSubnetAs(IpAddress other) {
        return prefixLength == other.prefixLength && subnetContains(other.address);
    }

    private static boolean isIpv4(String dotted) {
        return dotted.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    }

    private static long ipv4(String dotted) {
        if (!isIpv4(dotted)) {
            throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
        }
        long value = 0;
        for (String octet : dotted.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
