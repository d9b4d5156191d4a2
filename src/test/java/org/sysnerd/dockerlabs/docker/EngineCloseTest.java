package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine MUST close the connections its clients keep open to the daemon when it is closed: a watch makes one per
 * check, for hours, and each would otherwise keep a socket. Checked on a stand-in daemon on a unix socket that keeps
 * each connection open, as dockerd does, and counts the ones the client closed.
 */
@DisplayName("An engine, closed")
class EngineCloseTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("closes every connection its client kept open to the daemon")
    void closes_its_connections() throws IOException {
        try (StandInDaemon daemon = new StandInDaemon(dir.resolve("docker.sock"))) {
            Engine engine = new Engine(daemon.address());
            engine.infoRaw(); // read to its end: its connection goes back to the client's pool, open
            assertThat(daemon.open()).as("connections the client keeps open to the daemon before it is closed").isPositive();

            engine.close();

            await("every connection of the engine's client closed").atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20)).until(() -> daemon.open() == 0);
        }
    }

    @Test
    @DisplayName("makes no client after it is closed, and closing it again is nothing")
    void makes_no_client_once_closed() {
        Engine engine = new Engine(URI.create("unix://" + dir.resolve("nothing-there.sock")));
        engine.connect();

        engine.close();
        engine.close();

        assertThatThrownBy(engine::client).as("a client asked for after the run ended").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(engine.dockerHost()).as("where it talked, still told").isEqualTo(URI.create("unix://" + dir.resolve("nothing-there.sock")));
    }

    @Test
    @DisplayName("closes at once when it never connected")
    void closes_unconnected() {
        Engine engine = new Engine(URI.create("unix://" + dir.resolve("never.sock")));

        engine.close();

        assertThat(engine.dockerHost()).as("where it talks, never connected").isNull();
    }

    /** Answers every request with 200 and an empty JSON object, and keeps each connection open until the client closes it. */
    private static final class StandInDaemon implements AutoCloseable {

        private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nApi-Version: 1.44\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

        private final Path socket;
        private final ServerSocketChannel server;
        private final AtomicInteger open = new AtomicInteger();

        StandInDaemon(Path socket) throws IOException {
            this.socket = socket;
            this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread accepting = new Thread(this::accept, "stand-in-daemon");
            accepting.setDaemon(true);
            accepting.start();
        }

        URI address() {
            return URI.create("unix://" + socket);
        }

        /** The connections accepted that the client has not closed. */
        int open() {
            return open.get();
        }

        private void accept() {
            while (server.isOpen()) {
                try {
                    SocketChannel connection = server.accept();
                    open.incrementAndGet();
                    Thread serving = new Thread(() -> serve(connection), "stand-in-daemon-connection");
                    serving.setDaemon(true);
                    serving.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** Answers each request (a GET: its head ends with an empty line) until the client closes the connection. */
        private void serve(SocketChannel connection) {
            StringBuilder pending = new StringBuilder();
            ByteBuffer in = ByteBuffer.allocate(8192);
            try (connection) {
                while (connection.read(in) >= 0) {
                    in.flip();
                    pending.append(StandardCharsets.US_ASCII.decode(in));
                    in.clear();
                    for (int end = pending.indexOf("\r\n\r\n"); end >= 0; end = pending.indexOf("\r\n\r\n")) {
                        pending.delete(0, end + 4);
                        connection.write(ByteBuffer.wrap(ANSWER));
                    }
                }
            } catch (IOException e) {
                // the client went away: counted below as closed all the same
            } finally {
                open.decrementAndGet();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
