package org.sysnerd.dockerlabs.facts;

/** An address on an interface with its prefix, as {@code ip addr} prints it: {@code 172.17.0.1/16}. */
public record IpAddress(String family, String address, int prefixLength) {

    /** Parses {@code 172.17.0.0/16} (IPv4 only). */
    public static IpAddress parseCidr(String cidr) {
        String[] parts = cidr.strip().split("/");
        return new IpAddress("inet", parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 32);
    }

    /** True when {@code other} (an IPv4 address) lies in this address's subnet. */
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

    private static long ipv4(String dotted) {
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
