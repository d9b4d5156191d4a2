package org.sysnerd.dockerlabs.docker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * Podman's own API (libpod), beside its Docker-compatible one on the same socket, for what the latter leaves out
 * or gets wrong: a network's bridge interface, and the cgroup controllers its containers get. Asked once each,
 * bounded, and only when the engine is Podman.
 */
public final class Libpod {

    private static final Duration LIMIT = TimeScale.of(Duration.ofSeconds(10));
    /** The oldest libpod API version Podman 4 and 5 both serve (Podman 4.3.1's MinAPIVersion is 4.0.0). */
    private static final String API = "/v4.0.0/libpod";

    private Libpod() {
    }

    /** {@code podman network inspect <id>} through the API, or null when libpod does not answer it. */
    static Map<String, Object> network(Engine engine, String id) {
        return get(engine, "/networks/" + id + "/json");
    }

    /** {@code podman info} through the API (its {@code host.cgroupControllers}, say), or null when libpod does not answer it. */
    static Map<String, Object> info(Engine engine) {
        return get(engine, "/info");
    }

    /**
     * {@code podman create} through libpod's API, for a container whose cgroup namespace must be the host's: Podman's
     * Docker-compatible create ignores {@code HostConfig.CgroupnsMode} (measured on Podman 5.4.2, cgroup v2:
     * {@code docker run --cgroupns=host} through it prints {@code 0::/} for {@code /proc/self/cgroup}, where
     * {@code podman run --cgroupns=host} prints the full path), and libpod's takes {@code "cgroupns": {"nsmode": "host"}}.
     *
     * @param spec libpod's SpecGenerator as JSON fields ({@code name}, {@code image}, {@code pidns}, ...)
     * @return the new container's id
     * @throws HostFactUnavailable with libpod's own message, when it refuses or does not answer
     */
    public static String create(Engine engine, Map<String, Object> spec) {
        Answer answer;
        try {
            answer = send(engine, DockerHttpClient.Request.Method.POST, "/containers/create", new ObjectMapper().writeValueAsBytes(spec));
        } catch (IOException e) {
            throw new HostFactUnavailable("libpod's create (POST " + API + "/containers/create) gave no answer it could read: "
                    + e.getMessage(), e);
        }
        if (answer.status() != 201 || !(answer.body().get("Id") instanceof String id)) {
            throw new HostFactUnavailable("libpod refused the create (POST " + API + "/containers/create answered "
                    + answer.status() + "): " + answer.body().getOrDefault("message", answer.body()));
        }
        return id;
    }

    private static Map<String, Object> get(Engine engine, String path) {
        try {
            Answer answer = send(engine, DockerHttpClient.Request.Method.GET, path, null);
            return answer.status() == 200 ? answer.body() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** An answer: its status, and its JSON object (libpod's error object has {@code cause}, {@code message}, {@code response}). */
    private record Answer(int status, Map<String, Object> body) {
    }

    /** One request, bounded. */
    private static Answer send(Engine engine, DockerHttpClient.Request.Method method, String path, byte[] body) throws IOException {
        // Where and how the kit's client talks (no Testcontainers search on a plain socket, as in the learner mode).
        URI host = engine.connect();
        SSLConfig ssl = engine.tls();
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder().method(method).path(API + path);
        if (body != null) {
            request.headers(Map.of("Content-Type", "application/json")).body(new ByteArrayInputStream(body));
        }
        try (DockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(host)
                .sslConfig(ssl).connectionTimeout(LIMIT).responseTimeout(LIMIT).build();
             DockerHttpClient.Response response = http.execute(request.build());
             InputStream in = response.getBody()) {
            Map<String, Object> json = new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() { });
            return new Answer(response.getStatusCode(), json == null ? Map.of() : json);
        }
    }
}
