package org.sysnerd.dockerlabs.lessons;

import java.util.List;
import org.sysnerd.dockerlabs.assertions.SeenAssert;
import org.sysnerd.dockerlabs.facts.LinkIndexes;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.facts.Seen;

/** The host's network interfaces ({@code ip -d addr show}), and the host end of a container's veth pair (Q4). */
public final class LinkAssert extends FactAssert<LinkAssert, List<NetLink>> {

    LinkAssert(Seen<List<NetLink>> links) {
        super(links, LinkAssert.class);
    }

    public static LinkAssert assertThat(Seen<List<NetLink>> links) {
        return new LinkAssert(links);
    }

    /**
     * A host interface is the peer of the container's eth0 (each names the other: iflink = ifindex), a veth attached to
     * {@code bridge}; returns it.
     */
    public NetLink hasAVethPeerOf(Seen<LinkIndexes> containerEth0, String bridge) {
        LinkIndexes eth0 = containerEth0.value();
        NetLink veth = finds(String.format("a host interface with ifindex %d whose iflink is %d (the container's eth0: %s)",
                eth0.iflink(), eth0.ifindex(), eth0),
                all -> all.stream().filter(l -> l.ifindex() == eth0.iflink() && l.iflink() == eth0.ifindex()).findFirst(),
                all -> null);
        SeenAssert.assertThat(new Seen<>(veth, "ip -d link show " + veth.name()))
                .is("a veth attached to " + bridge + " (ip link show master " + bridge + ")",
                        link -> "veth".equals(link.kind()) && bridge.equals(link.master()));
        return veth;
    }
}
