package org.sysnerd.dockerlabs.docker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The daemon's answers that the kit reads field by field ({@code docker info}, {@code docker ps -a}, {@code docker
 * inspect}), as the JSON maps the API sends, over the kit's own bounded transport. docker-java's typed answers carry
 * the same maps (getRawValues) but first build a deserializer for every field of their classes: 0.15 s for
 * {@code Info} alone on this 2-core machine, in every run, for fields the kit never reads through them.
 *
 * @param http       the kit's transport to the daemon ({@link BoundedHttpClient})
 * @param pathPrefix the API version's path, e.g. {@code /v1.44}; empty when the daemon's own is used
 */
record DaemonJson(DockerHttpClient http, String pathPrefix) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code GET /info}: every field of {@code docker info}. */
    Map<String, Object> info() {
        return get("/info", new TypeReference<>() { });
    }

    /** {@code GET /info} at another API version than the client's, e.g. where {@code /info} has more fields. */
    Map<String, Object> info(ApiVersion at) {
        return getAt(at.path() + "/info", new TypeReference<>() { });
    }

    /** {@code GET /version}: the server's version, its newest API version ({@code ApiVersion}) and its oldest. */
    Map<String, Object> version() {
        return get("/version", new TypeReference<>() { });
    }

    /**
     * {@code GET /events} about one container, between two times on the daemon's clock: the daemon replays what its
     * log of recent events still holds and ends the stream at {@code until}, which must have passed.
     */
    String events(String containerId, Instant since, Instant until) {
        String filters = URLEncoder.encode("{\"container\":[\"" + containerId + "\"],\"type\":[\"container\"]}",
                StandardCharsets.UTF_8);
        return new String(body(pathPrefix + "/events?since=" + timestamp(since) + "&until=" + timestamp(until)
                + "&filters=" + filters), StandardCharsets.UTF_8);
    }

    /** A time as the API's {@code since} and {@code until} take it: seconds, a dot, nanoseconds. */
    private static String timestamp(Instant time) {
        return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
    }

    /** {@code GET /containers/json?all=1}: every container, running or not, as {@code docker ps -a} lists them. */
    List<Map<String, Object>> containers() {
        return get("/containers/json?all=1", new TypeReference<>() { });
    }

    /** {@code GET /containers/ID/json}: every field of {@code docker inspect ID}; not found when it is gone. */
    Map<String, Object> inspect(String containerId) {
        return get("/containers/" + containerId + "/json", new TypeReference<>() { });
    }

    private <T> T get(String path, TypeReference<T> type) {
        return getAt(pathPrefix + path, type);
    }

    private <T> T getAt(String path, TypeReference<T> type) {
        try {
            return JSON.readValue(body(path), type);
        } catch (IOException e) {
            throw new DaemonLost("GET " + path + " from the Docker daemon: " + e.getMessage(), e);
        }
    }

    /** The whole answer to {@code GET path}, once the daemon ended it; its error as the client's exceptions. */
    private byte[] body(String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path(path).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            int status = response.getStatusCode();
            if (status == 404) {
                throw new NotFoundException(message(body));
            }
            if (status / 100 != 2) {
                throw new DockerException("GET " + path + ": " + message(body), status);
            }
            return body.readAllBytes();
        } catch (IOException e) {
            throw new DaemonLost("GET " + path + " from the Docker daemon: " + e.getMessage(), e);
        }
    }

    /** The daemon's error message ({@code {"message": "..."}}), or its answer as it is. */
    private static String message(InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            Object message = JSON.readValue(text, Map.class).get("message");
            return message == null ? text : message.toString();
        } catch (IOException notJson) {
            return text;
        }
    }
}
