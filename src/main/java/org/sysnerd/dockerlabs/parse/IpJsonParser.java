package org.sysnerd.dockerlabs.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.sysnerd.dockerlabs.facts.NetLink;

/** Reads the interfaces out of {@code ip -j -d addr show} (iproute2's JSON output). */
public final class IpJsonParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IpJsonParser() {
    }

    /** Every interface, in order. */
    public static List<NetLink> links(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON of `ip -j addr`: " + e.getOriginalMessage(), e);
        }
        List<NetLink> links = new ArrayList<>();
        for (JsonNode link : root) {
            int ifindex = link.path("ifindex").asInt();
            links.add(new NetLink(ifindex, link.path("ifname").asText(),
                    link.path("link_index").asInt(ifindex),
                    textOrNull(link.path("master")), textOrNull(link.path("linkinfo").path("info_kind")),
                    addresses(link.path("addr_info"))));
        }
        return List.copyOf(links);
    }

    private static List<IpAddress> addresses(JsonNode addrInfo) {
        List<IpAddress> addresses = new ArrayList<>();
        for (JsonNode addr : addrInfo) {
            addresses.add(new IpAddress(addr.path("family").asText(), addr.path("local").asText(),
                    addr.path("prefixlen").asInt()));
        }
        return addresses;
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
