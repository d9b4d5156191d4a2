package org.sysnerd.dockerlabs.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sysnerd.dockerlabs.facts.ContainerEvent;

/**
 * Reads the containers' events out of the daemon's event stream ({@code GET /events}, or
 * {@code docker events --format '{{json .}}'}): one JSON object a line, e.g.
 * <pre>{@code {"Type":"container","Action":"start","Actor":{"ID":"9707…"},"time":1796456757,"timeNano":1796456757832234800}}</pre>
 */
public final class EventsParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventsParser() {
    }

    /** The container events, in the daemon's order; other types (network, image) are left out. */
    public static List<ContainerEvent> containerEvents(String stream) {
        List<ContainerEvent> events = new ArrayList<>();
        try (var objects = JSON.readerFor(JsonNode.class).<JsonNode>readValues(stream)) {
            while (objects.hasNext()) {
                JsonNode event = objects.next();
                if ("container".equals(event.path("Type").asText()) && event.hasNonNull("timeNano")) {
                    long nanos = event.get("timeNano").asLong();
                    events.add(new ContainerEvent(event.path("Actor").path("ID").asText(), event.path("Action").asText(),
                            Instant.ofEpochSecond(0, nanos)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("docker events: not a stream of JSON objects: " + e.getMessage(), e);
        }
        return List.copyOf(events);
    }
}
