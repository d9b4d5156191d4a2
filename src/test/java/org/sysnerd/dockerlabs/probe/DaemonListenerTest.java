package org.sysnerd.dockerlabs.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;

@DisplayName("The daemon found from the socket it listens on")
class DaemonListenerTest {

    @Test
    @DisplayName("is none when the socket is served by a process that is no daemon (a forward: ssh, socat; here this JVM)")
    void a_forward_is_no_daemon(@TempDir Path dir) throws IOException {
        Path socket = dir.resolve("forwarded.sock");
        try (ServerSocketChannel forward = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            forward.bind(UnixDomainSocketAddress.of(socket));

            assertThatThrownBy(() -> DaemonListener.of(socket)).isInstanceOf(HostFactUnavailable.class)
                    .hasMessageContaining("is served by java (PID " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("not the daemon itself");
        }
    }

    @Test
    @DisplayName("is none when nothing in this network namespace listens there (a daemon in another one, or gone)")
    void nothing_listens(@TempDir Path dir) throws IOException {
        Path socket = dir.resolve("left.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket));
        }

        assertThatThrownBy(() -> DaemonListener.of(socket)).isInstanceOf(HostFactUnavailable.class)
                .hasMessageContaining("no process in this network namespace listens on " + socket);
    }

    @Test
    @DisplayName("is none when a file is mounted on the socket's path (a forward bound over the daemon's socket)")
    void a_socket_mounted_over_is_not_the_daemons() throws IOException {
        String table = Files.readString(Path.of("src/test/resources/fixtures/mountinfo/socket-mounted-over.txt"));

        assertThat(DaemonListener.mountedOn(Path.of("/run/docker.sock"), table)).as("the bind-mounted socket").isTrue();
        assertThat(DaemonListener.mountedOn(Path.of("/run/containerd/containerd.sock"), table)).as("a socket below a mount")
                .isFalse();
    }

    @Test
    @DisplayName("is dockerd, in this process's namespaces, for this host's own socket (as root)")
    void this_hosts_dockerd() {
        Path socket = Path.of("/var/run/docker.sock");
        assumeTrue(ProbeChoice.isRoot() && Files.exists(socket), "needs root and a local /var/run/docker.sock");

        DaemonListener daemon = DaemonListener.of(socket);

        assertThat(daemon.command()).isIn(DaemonListener.DAEMONS);
        assertThat(new DaemonPlace(daemon.identity(), DaemonPlace.Identity.ofThisProcess()).thisHost()).isTrue();
    }
}
