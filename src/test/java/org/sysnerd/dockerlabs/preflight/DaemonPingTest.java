package org.sysnerd.dockerlabs.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Asking a daemon's unix socket for /_ping")
class DaemonPingTest {

    private static final Duration LIMIT = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    @DisplayName("finds no problem when an HTTP answer comes back")
    void answers() throws IOException {
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel server = listen(socket)) {
            CompletableFuture.runAsync(() -> reply(server, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\n\r\nOK"));
            assertThat(DaemonPing.problem(socket, LIMIT)).isNull();
        }
    }

    @Test
    @DisplayName("says the socket closed without an answer when what accepts has nothing behind it (ssh's forward)")
    void forwarded_socket_without_daemon() throws IOException {
        Path socket = dir.resolve("fleet-vm.sock");
        try (ServerSocketChannel server = listen(socket)) {
            CompletableFuture.runAsync(() -> reply(server, null));
            assertThat(DaemonPing.problem(socket, LIMIT)).startsWith("the socket " + socket + " closed without an answer");
        }
    }

    @Test
    @DisplayName("says it cannot talk to a socket file that nothing listens on")
    void nothing_listens() throws IOException {
        Path socket = dir.resolve("stale.sock");
        listen(socket).close();
        assertThat(DaemonPing.problem(socket, LIMIT)).startsWith("cannot talk to the socket " + socket + ": ");
    }

    private static ServerSocketChannel listen(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return server;
    }

    private static void reply(ServerSocketChannel server, String answer) {
        try (SocketChannel client = server.accept()) {
            client.read(ByteBuffer.allocate(256));
            if (answer != null) {
                client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
