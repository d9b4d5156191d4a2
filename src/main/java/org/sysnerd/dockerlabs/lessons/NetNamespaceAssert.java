package org.sysnerd.dockerlabs.lessons;

import org.sysnerd.dockerlabs.facts.NetNamespace;
import org.sysnerd.dockerlabs.facts.Seen;

/** A container's net namespace as the host sees it ({@code /proc/<pid>/ns/net}). */
public final class NetNamespaceAssert extends FactAssert<NetNamespaceAssert, NetNamespace> {

    NetNamespaceAssert(Seen<NetNamespace> namespace) {
        super(namespace, NetNamespaceAssert.class);
    }

    public static NetNamespaceAssert assertThat(Seen<NetNamespace> namespace) {
        return new NetNamespaceAssert(namespace);
    }

    /** It is not the host's own: the container has a network of its own. */
    public NetNamespaceAssert isNotTheHosts(Seen<NetNamespace> hostNet) {
        return holds("a net namespace other than the host's " + hostNet, ns -> !ns.equals(hostNet.value()),
                ns -> "the container shares the host's network: was it run with --network host?");
    }
}
