package org.sysnerd.dockerlabs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.facts.UnixListener;

@DisplayName("UnixSocketParser reads the listening sockets of /proc/net/unix")
class UnixSocketParserTest {

    @Test
    @DisplayName("finds dockerd's listening socket (recorded), not the connection it accepted on the same path")
    void finds_the_daemons_listener() {
        assertThat(UnixSocketParser.listeners(Fixtures.text("proc-net-unix/docker-20.10-bookworm.txt")))
                .filteredOn(l -> l.path().equals("/var/run/docker.sock"))
                .containsExactly(new UnixListener(5418, "/var/run/docker.sock"));
    }

    @Test
    @DisplayName("lists every listening stream socket with a path, and only those")
    void only_listening_stream_sockets_with_a_path() {
        assertThat(UnixSocketParser.listeners(Fixtures.text("proc-net-unix/docker-20.10-bookworm.txt")))
                .extracting(UnixListener::inode).containsExactly(5418L, 6196L, 6197L, 6198L, 6208L, 6274L);
    }

    @Test
    @DisplayName("keeps systemd's socket, a forward's socket and a path with a space; leaves out abstract and datagram ones")
    void systemd_socket_and_a_forward() {
        assertThat(UnixSocketParser.listeners(Fixtures.text("proc-net-unix/systemd-socket-and-forward.txt")))
                .extracting(UnixListener::toString).containsExactly("20114 /run/docker.sock",
                        "20561 /run/containerd/containerd.sock", "31877 /tmp/fleet-vm-sid.sock", "40112 /tmp/a dir/docker.sock");
    }

    @Test
    @DisplayName("names the link its holders' file descriptors show")
    void the_fd_link() {
        assertThat(new UnixListener(5418, "/var/run/docker.sock").fdLink()).isEqualTo("socket:[5418]");
    }
}
