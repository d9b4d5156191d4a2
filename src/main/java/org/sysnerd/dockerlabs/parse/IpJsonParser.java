package org.sysnerd.dockerlabs.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.sysnerd.dockerlabs.facts.NetLink;

/** Reads the interfaces out of {@code ip -j -d addr show} (iproute2's JSON output). */
public final class IpJsonParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private IpJsonParser() {
    }

    /**
     * Every interface, in order. The iflink of a link whose peer is in another namespace is its
     * {@code link_index}; iproute2 names a peer in the same namespace instead ({@code "link": "vpb"}),
     * which is resolved to that interface's ifindex.
     */
    public static List<NetLink> links(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON of `ip -j addr`: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("not the JSON of `ip -j addr` (an array of interfaces): '"
                    + abbreviate(json) + "'");
        }
        Map<String, Integer> ifindexByName = new HashMap<>();
        for (JsonNode link : root) {
            if (!link.path("ifindex").isInt() || !link.path("ifname").isTextual()) {
                throw new IllegalArgumentException("not an interface of `ip -j addr` (no ifindex or ifname): '"
                        + abbreviate(link.toString()) + "'");
            }
            ifindexByName.put(link.get("ifname").asText(), link.get("ifindex").asInt());
        }
        List<NetLink> links = new ArrayList<>();
        for (JsonNode link : root) {
            int ifindex = link.get("ifindex").asInt();
            int iflink = link.path("link_index").isInt() ? link.get("link_index").asInt()
                    : ifindexByName.getOrDefault(link.path("link").asText(""), ifindex);
            links.add(new NetLink(ifindex, link.get("ifname").asText(), iflink,
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

    private static String abbreviate(String text) {
        String line = text.strip();
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
