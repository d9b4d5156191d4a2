package org.sysnerd.dockerlabs.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@code GET /_ping} on a daemon's unix socket, like {@code curl --unix-socket S http://docker/_ping}, bounded.
 * A socket forwarded over ssh accepts a connection even when the daemon behind it is down; asked first, it is
 * never mistaken for no daemon at all, and Testcontainers never falls back to another daemon on this machine.
 */
final class DaemonPing {

    private DaemonPing() {
    }

    /** Why no daemon answers at this socket, or null when one does. */
    static String problem(Path socket, Duration limit) {
        AtomicReference<SocketChannel> open = new AtomicReference<>();
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> ask(socket, open));
        try {
            String reply = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return reply.startsWith("HTTP/") ? null : "the socket " + socket + " closed without an answer (a forwarded "
                    + "socket whose daemon is down, or no Docker daemon behind it)";
        } catch (TimeoutException e) {
            return "no answer at the socket " + socket + " within " + limit.toSeconds() + " s";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
            return "cannot talk to the socket " + socket + ": " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking " + socket;
        } finally {
            close(open.get());
        }
    }

    private static String ask(Path socket, AtomicReference<SocketChannel> open) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open.set(channel);
        try (channel) {
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer reply = ByteBuffer.allocate(64);
            int read = channel.read(reply);
            return read <= 0 ? "" : new String(reply.array(), 0, read, StandardCharsets.US_ASCII);
        } catch (IOException closedOnUs) {
            // connected, then reset or broken: whatever accepted has nothing behind it
            return "";
        }
    }

    private static void close(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing only to end a read that would not finish
            }
        }
    }
}
