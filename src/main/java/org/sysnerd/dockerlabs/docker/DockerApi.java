package org.sysnerd.dockerlabs.docker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * The daemon's API as raw JSON, for the fields docker-java does not type
 * ({@code GraphDriver.Data.MergedDir}, {@code FirewallBackend}). Talks to the daemon Testcontainers found.
 */
final class DockerApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile DockerHttpClient http;

    private DockerApi() {
    }

    /** GET a path of the API, e.g. {@code /containers/<id>/json}, as a JSON object. */
    static Map<String, Object> get(String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response response = client().execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.getStatusCode()
                        + ": " + new String(body.readAllBytes()));
            }
            return JSON.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " from the Docker daemon failed", e);
        }
    }

    private static DockerHttpClient client() {
        if (http == null) {
            TransportConfig transport = DockerClientFactory.instance().getTransportConfig();
            http = new ZerodepDockerHttpClient.Builder().dockerHost(transport.getDockerHost())
                    .sslConfig(transport.getSslConfig()).connectionTimeout(Duration.ofSeconds(5))
                    .responseTimeout(Duration.ofSeconds(30)).build();
        }
        return http;
    }
}
