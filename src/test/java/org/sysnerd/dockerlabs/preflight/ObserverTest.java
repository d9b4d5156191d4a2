package org.sysnerd.dockerlabs.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The preflight's look at Testcontainers")
class ObserverTest {

    @Test
    @DisplayName("gives up on a search that never ends (a daemon that answers _ping but hangs on docker info), saying so")
    void a_search_that_never_ends_is_given_up() {
        CompletableFuture<URI> never = new CompletableFuture<>();

        assertThat(DockerReach.testcontainersAgrees(null, never, Duration.ofMillis(50)))
                .contains("got no answer from the daemon within 0 s").contains("docker info");
    }

    @Test
    @DisplayName("tells why Testcontainers could not use the daemon")
    void a_failed_search_says_why() {
        CompletableFuture<URI> failed = CompletableFuture.failedFuture(new IllegalStateException("no valid Docker environment"));

        assertThat(DockerReach.testcontainersAgrees(null, failed, Duration.ofSeconds(1)))
                .isEqualTo("Testcontainers, which starts the labs' containers, could not use the daemon: no valid Docker environment");
    }
}
