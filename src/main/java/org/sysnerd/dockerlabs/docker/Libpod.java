package org.sysnerd.dockerlabs.docker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.TransportConfig;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * Podman's own API (libpod), beside its Docker-compatible one on the same socket, for the one field the latter
 * leaves out: a network's bridge interface. Asked once, bounded, and only when the engine is Podman.
 */
final class Libpod {

    private static final Duration LIMIT = TimeScale.of(Duration.ofSeconds(10));
    /** The oldest libpod API version Podman 4 and 5 both serve (Podman 4.3.1's MinAPIVersion is 4.0.0). */
    private static final String API = "/v4.0.0/libpod";

    private Libpod() {
    }

    /** {@code podman network inspect <id>} through the API, or null when libpod does not answer it. */
    static Map<String, Object> network(String id) {
        TransportConfig transport = DockerClientFactory.instance().getTransportConfig();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path(API + "/networks/" + id + "/json").build();
        try (DockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(transport.getDockerHost())
                .sslConfig(transport.getSslConfig()).connectionTimeout(LIMIT).responseTimeout(LIMIT).build();
             DockerHttpClient.Response response = http.execute(request);
             InputStream body = response.getBody()) {
            return response.getStatusCode() == 200
                    ? new ObjectMapper().readValue(body, new TypeReference<Map<String, Object>>() { })
                    : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
