package org.sysnerd.dockerlabs.facts;

import java.util.List;

/**
 * A network interface as {@code ip -d addr} shows it.
 *
 * @param iflink the peer's ifindex for a veth (Linux 4.1+), its own ifindex otherwise
 * @param master the bridge it is attached to, or null
 * @param kind   the link kind ({@code bridge}, {@code veth}), or null for a plain device
 */
public record NetLink(int ifindex, String name, int iflink, String master, String kind, List<IpAddress> addresses) {

    public NetLink {
        addresses = List.copyOf(addresses);
    }

    /** The first IPv4 address, or null. */
    public IpAddress ipv4() {
        return addresses.stream().filter(a -> "inet".equals(a.family())).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return ifindex + ": " + name + (iflink != ifindex ? "@if" + iflink : "")
                + (kind == null ? "" : " " + kind) + (master == null ? "" : " master " + master)
                + (addresses.isEmpty() ? "" : " " + addresses);
    }
}
