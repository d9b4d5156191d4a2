package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.junit.NeedsDocker;

/**
 * The kit's reads of the daemon's JSON MUST give the fields docker-java's typed answers carry (their raw values), and
 * a container that is not there MUST be docker-java's not found, as the labs expect of a container that went.
 */
@DisplayName("The daemon's answers as JSON")
@NeedsDocker
class DaemonJsonTest {

    /** The test's own client of the daemon. */
    private final Engine engine = new Engine();

    @Test
    @DisplayName("are docker info's fields, as docker-java's typed Info carries them")
    void info_is_docker_javas_raw_values() {
        Map<String, Object> typed = engine.client().infoCmd().exec().getRawValues();
        Map<String, Object> json = engine.infoRaw();
        assertThat(json).as("GET /info against docker-java's Info").containsOnlyKeys(typed.keySet());
        assertThat(json.get("ServerVersion")).as("the server's version").isEqualTo(typed.get("ServerVersion"));
        assertThat(json.get("Driver")).as("the storage driver").isEqualTo(typed.get("Driver"));
    }

    @Test
    @DisplayName("cut short (the connection reset mid-answer) is an I/O error of the daemon's transport, thrown where"
            + " DaemonErrors tells a lost daemon (DaemonLost)")
    void an_answer_cut_short_is_the_transports_io_error() {
        InputStream cut = new SequenceInputStream(new ByteArrayInputStream("{\"ServerVersion\": \"26.".getBytes()),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Connection reset by peer");
                    }
                });
        DockerHttpClient.Response answer = new DockerHttpClient.Response() {
            @Override
            public int getStatusCode() {
                return 200;
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return Map.of();
            }

            @Override
            public InputStream getBody() {
                return cut;
            }

            @Override
            public void close() {
            }
        };
        DaemonJson json = new DaemonJson(new DockerHttpClient() {
            @Override
            public Response execute(Request request) {
                return answer;
            }

            @Override
            public void close() {
            }
        }, "/v1.41");
        assertThatThrownBy(json::info).as("the type junit/DaemonErrors knows").isInstanceOf(DaemonLost.class)
                .hasRootCauseMessage("Connection reset by peer");
    }

    @Test
    @DisplayName("say not found for a container that is not there")
    void a_missing_container_is_not_found() {
        assertThatThrownBy(() -> engine.inspectRaw("docker-labs-no-such-container")).as("docker inspect of no container")
                .isInstanceOf(NotFoundException.class).hasMessageContaining("docker-labs-no-such-container");
    }
}
