package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.dockerclient.DockerMachineClientProviderStrategy;
import org.testcontainers.dockerclient.UnixSocketClientProviderStrategy;

@DisplayName("Where the daemon is, when it is plain without Testcontainers' search")
class DaemonAddressTest {

    private static final List<Path> SYSTEM = List.of(Path.of("/var/run/docker.sock"));

    private static Properties saved(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    @Test
    @DisplayName("is the one socket there is, with DOCKER_HOST unset")
    void the_one_socket() {
        assertThat(DaemonAddress.plain(Map.of(), new Properties(), SYSTEM)).contains(URI.create("unix:///var/run/docker.sock"));
    }

    @Test
    @DisplayName("is DOCKER_HOST when it is a unix socket, whatever sockets exist")
    void docker_host_unix() {
        assertThat(DaemonAddress.plain(Map.of("DOCKER_HOST", "unix:///tmp/fleet-vm.sock"), new Properties(), SYSTEM))
                .contains(URI.create("unix:///tmp/fleet-vm.sock"));
    }

    @Test
    @DisplayName("is Testcontainers' to find for a tcp DOCKER_HOST (TLS settings), or two sockets (its strategies' order)")
    void testcontainers_finds_the_rest() {
        assertThat(DaemonAddress.plain(Map.of("DOCKER_HOST", "tcp://10.0.0.7:2376"), new Properties(), SYSTEM)).isEmpty();
        assertThat(DaemonAddress.plain(Map.of(), new Properties(),
                List.of(Path.of("/var/run/docker.sock"), Path.of("/run/user/1000/docker.sock")))).isEmpty();
        assertThat(DaemonAddress.plain(Map.of(), new Properties(), List.of())).isEmpty();
    }

    @Test
    @DisplayName("is Testcontainers' to find when its own settings choose the daemon (tc.host, docker.host, a strategy)")
    void testcontainers_settings_win() {
        assertThat(DaemonAddress.plain(Map.of(), saved("tc.host", "tcp://10.0.0.7:2375"), SYSTEM)).isEmpty();
        assertThat(DaemonAddress.plain(Map.of("TESTCONTAINERS_TC_HOST", "tcp://x:1"), new Properties(), SYSTEM)).isEmpty();
        assertThat(DaemonAddress.plain(Map.of(), saved("docker.host", "unix:///other.sock"), SYSTEM)).isEmpty();
        assertThat(DaemonAddress.plain(Map.of(), saved("docker.client.strategy",
                DockerMachineClientProviderStrategy.class.getName()), SYSTEM)).isEmpty();
    }

    @Test
    @DisplayName("is still the one socket when Testcontainers saved a strategy that looks for sockets")
    void a_saved_socket_strategy() {
        assertThat(DaemonAddress.plain(Map.of(), saved("docker.client.strategy",
                UnixSocketClientProviderStrategy.class.getName()), SYSTEM))
                .contains(URI.create("unix:///var/run/docker.sock"));
    }
}
