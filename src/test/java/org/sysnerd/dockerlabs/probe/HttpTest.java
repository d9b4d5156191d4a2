package org.sysnerd.dockerlabs.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabFailure;

/** What a GET that got no page saw, and the why chosen from it, on real socket errors of this machine. */
@DisplayName("A failed GET says what it saw and why that may be, chosen from it")
class HttpTest {

    @Test
    @DisplayName("a connection the server resets after the request reads as closed without an answer")
    void reset() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // HttpURLConnection tries a GET again once after a reset: reset both tries.
            CompletableFuture<Void> resets = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket accepted = server.accept()) {
                        accepted.getInputStream().read(new byte[512]); // the request, then no answer
                        accepted.setSoLinger(true, 0); // close with an RST
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, task -> new Thread(task, "http-test-reset").start());
            URI uri = uri(server);
            IOException seen = catchThrowableOfType(IOException.class, () -> get(uri, 2000));
            resets.join();

            LabFailure failure = Http.failure(uri, seen);

            assertThat(failure.seen()).startsWith("connection closed without an answer");
            assertThat(failure.why()).contains("closed at once");
        }
    }

    @Test
    @DisplayName("a server that accepts and never answers reads as no HTTP answer")
    void no_answer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI uri = uri(server);
            SocketTimeoutException seen = catchThrowableOfType(SocketTimeoutException.class, () -> get(uri, 200));

            LabFailure failure = Http.failure(uri, seen);

            assertThat(failure.seen()).startsWith("no HTTP answer within");
            assertThat(failure.why()).contains("accepted the connection", "did not answer");
            assertThat(failure.command()).isEqualTo("curl -sv --noproxy '*' " + uri);
        }
    }

    private static URI uri(ServerSocket server) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** One GET as Http makes it, with a short read limit. */
    private static int get(URI uri, int readMillis) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(1000);
        connection.setReadTimeout(readMillis);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
