package org.sysnerd.dockerlabs.probe;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * A bounded HTTP GET, like {@code curl -s --noproxy '*' --retry-connrefused http://172.17.0.1:32768/}: a server
 * that has just started gets a few seconds to answer. Plain {@code HttpURLConnection}, never through a proxy
 * (the request must reach the host's own address): one request needs no client and no TLS set-up.
 */
public final class Http {

    static final Duration LIMIT = TimeScale.of(Duration.ofSeconds(5));
    /** One try's connect and read limits: a try under way when LIMIT is reached adds at most their sum. */
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(1);
    private static final Duration READ_LIMIT = Duration.ofSeconds(2);
    static final Duration POLL = Duration.ofMillis(50);

    private Http() {
    }

    /** True when something answers HTTP at {@code host:port} within the limit, with any status (a proxy, or nginx itself). */
    public static boolean answers(String host, int port) {
        try {
            await("an HTTP answer at " + host + ":" + port).atMost(LIMIT).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> status(uri(host, port)) > 0);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * The body of {@code GET http://host:port/} once it answers; else a failed fact naming the address, what the last
     * try saw (refused, reset, no answer, an HTTP error), why that may be, and the curl command.
     */
    public static String get(String host, int port) {
        URI uri = uri(host, port);
        AtomicReference<IOException> last = new AtomicReference<>();
        try {
            return await("an HTTP answer at " + uri).atMost(LIMIT).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(POLL).until(() -> {
                        try {
                            return body(uri);
                        } catch (IOException e) {
                            last.set(e);
                            return null;
                        }
                    }, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw failure(uri, last.get());
        }
    }

    /** A GET that got no page, as a failed fact: what its last try saw, and why that may be, chosen from it. */
    public static LabFailure failure(URI uri, IOException seen) {
        String address = uri.getHost() + ":" + uri.getPort();
        Reading reading = read(address, seen);
        return new LabFailure("an HTTP answer to GET " + uri + " within " + LIMIT.toSeconds() + " s",
                reading.seen() + " (" + seen + ")", reading.why(), "curl -sv --noproxy '*' " + uri);
    }

    /** What a failed try saw, in a few words, and why that may be. */
    private record Reading(String seen, String why) {
    }

    private static Reading read(String address, IOException seen) {
        String message = String.valueOf(seen == null ? null : seen.getMessage()).toLowerCase(Locale.ROOT);
        if (seen instanceof Status status) {
            return new Reading("HTTP " + status.code, "a server answers at " + address + ", but not with a page: "
                    + "another server than the expected one listens there, or it cannot serve the page");
        }
        if (seen instanceof ConnectException && message.contains("refused")) {
            return new Reading("connection refused", "nothing listens at " + address + ", or, where a DNAT rule "
                    + "rewrites this port, the rewritten connection was refused: is the server in the container listening "
                    + "on the container's port (nginx on 80)?");
        }
        if (seen instanceof SocketTimeoutException && message.contains("connect")) {
            return new Reading("no answer to the connection within " + CONNECT_LIMIT.toSeconds() + " s",
                    "the packets to " + address + " are dropped on the way: a firewall rule that drops them, or a DNAT "
                            + "target that no longer exists");
        }
        if (seen instanceof SocketTimeoutException) {
            return new Reading("no HTTP answer within " + READ_LIMIT.toSeconds() + " s of the connection",
                    "something accepted the connection at " + address + " but did not answer: the server is stuck, or "
                            + "what listens there is not an HTTP server");
        }
        if (seen instanceof SocketException && message.contains("reset") || message.contains("unexpected end of file")
                || message.contains("error writing to server")) {
            return new Reading("connection closed without an answer", "the connection to " + address + " was closed at "
                    + "once (reset): the server crashed or is not an HTTP server, or a firewall rule rejects it with a reset");
        }
        if (seen instanceof NoRouteToHostException) {
            return new Reading("no route to host", "this machine has no route to " + address + ": is it the "
                    + "daemon's host, and is the bridge up?");
        }
        return new Reading(seen == null ? "no try completed" : "the request failed", null);
    }

    private static URI uri(String host, int port) {
        return URI.create("http://" + host + ":" + port + "/");
    }

    private static int status(URI uri) {
        HttpURLConnection connection = null;
        try {
            connection = open(uri);
            return connection.getResponseCode();
        } catch (IOException e) {
            return -1;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static String body(URI uri) throws IOException {
        HttpURLConnection connection = open(uri);
        int code = connection.getResponseCode();
        if (code >= 400) {
            connection.disconnect();
            throw new Status(code);
        }
        try (InputStream body = connection.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    /** An answer with an HTTP error status: something answers, not with the page. */
    private static final class Status extends IOException {

        private final int code;

        Status(int code) {
            super("HTTP " + code);
            this.code = code;
        }
    }

    private static HttpURLConnection open(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout((int) CONNECT_LIMIT.toMillis());
        connection.setReadTimeout((int) READ_LIMIT.toMillis());
        connection.setUseCaches(false);
        return connection;
    }
}
