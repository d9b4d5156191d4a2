package org.sysnerd.dockerlabs.parse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.ContainerState;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.PortMapping;

/** Reads {@code docker inspect}'s JSON for a container: the API's answer, or the CLI's array of them. */
public final class InspectParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Docker writes for a time that has not happened yet. */
    private static final String NEVER = "0001-01-01T00:00:00Z";

    private InspectParser() {
    }

    /** The containers of {@code docker inspect ID...} (a JSON array). */
    public static List<InspectedContainer> containers(String json) {
        try {
            List<Map<String, Object>> all = JSON.readValue(json, new TypeReference<>() { });
            return all.stream().map(InspectParser::container).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("not docker inspect's JSON: " + e.getMessage(), e);
        }
    }

    /** One container, from the raw fields of the API's answer. */
    public static InspectedContainer container(Map<String, Object> raw) {
        Map<String, Object> state = map(raw, "State");
        Map<String, Object> config = map(raw, "Config");
        Map<String, Object> networks = map(map(raw, "NetworkSettings"), "Networks");
        String name = text(raw, "Name");
        Map<String, String> addresses = new LinkedHashMap<>();
        networks.forEach((network, settings) -> {
            String ip = settings instanceof Map<?, ?> m && m.get("IPAddress") != null ? String.valueOf(m.get("IPAddress")) : "";
            if (!ip.isEmpty()) {
                addresses.put(network, ip);
            }
        });
        return new InspectedContainer(text(raw, "Id"), name.startsWith("/") ? name.substring(1) : name,
                text(config, "Image"), text(raw, "Image"),
                new ContainerState(text(state, "Status"), number(state, "ExitCode"), number(state, "Pid")),
                time(state, "StartedAt"), time(state, "FinishedAt"), Boolean.TRUE.equals(state.get("OOMKilled")),
                number(raw, "RestartCount"), strings(config.get("Cmd")),
                ports(map(map(raw, "NetworkSettings"), "Ports")), ports(map(map(raw, "HostConfig"), "PortBindings")),
                number(map(raw, "HostConfig"), "Memory"), number(map(raw, "HostConfig"), "NanoCpus"),
                addresses, labels(config), Boolean.TRUE.equals(config.get("Tty")), Boolean.TRUE.equals(config.get("OpenStdin")));
    }

    /** {@code {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}], "443/tcp": null}} as mappings. */
    private static List<PortMapping> ports(Map<String, Object> byContainerPort) {
        List<PortMapping> ports = new ArrayList<>();
        byContainerPort.forEach((key, bindings) -> {
            String[] portAndProtocol = key.split("/");
            if (bindings instanceof List<?> list) {
                for (Object binding : list) {
                    if (binding instanceof Map<?, ?> b && b.get("HostPort") != null && !String.valueOf(b.get("HostPort")).isEmpty()) {
                        ports.add(new PortMapping(b.get("HostIp") == null ? "" : String.valueOf(b.get("HostIp")),
                                Integer.parseInt(String.valueOf(b.get("HostPort"))), Integer.parseInt(portAndProtocol[0]),
                                portAndProtocol.length > 1 ? portAndProtocol[1] : "tcp"));
                    }
                }
            }
        });
        return ports;
    }

    private static Map<String, String> labels(Map<String, Object> config) {
        Map<String, String> labels = new LinkedHashMap<>();
        map(config, "Labels").forEach((key, value) -> labels.put(key, String.valueOf(value)));
        return labels;
    }

    private static Instant time(Map<String, Object> state, String key) {
        String value = text(state, key);
        if (value.isEmpty() || value.equals(NEVER)) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("State." + key + " is not a time: '" + value + "'", e);
        }
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static long number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key) {
        return map.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
