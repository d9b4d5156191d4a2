package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
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

    @Test
    @DisplayName("are docker info's fields, as docker-java's typed Info carries them")
    void info_is_docker_javas_raw_values() {
        Map<String, Object> typed = Engine.client().infoCmd().exec().getRawValues();
        Map<String, Object> json = Engine.infoRaw();
        assertThat(json).as("GET /info against docker-java's Info").containsOnlyKeys(typed.keySet());
        assertThat(json.get("ServerVersion")).as("the server's version").isEqualTo(typed.get("ServerVersion"));
        assertThat(json.get("Driver")).as("the storage driver").isEqualTo(typed.get("Driver"));
    }

    @Test
    @DisplayName("say not found for a container that is not there")
    void a_missing_container_is_not_found() {
        assertThatThrownBy(() -> Engine.inspectRaw("docker-labs-no-such-container")).as("docker inspect of no container")
                .isInstanceOf(NotFoundException.class).hasMessageContaining("docker-labs-no-such-container");
    }
}
