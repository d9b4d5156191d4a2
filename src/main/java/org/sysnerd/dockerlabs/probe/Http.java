package org.sysnerd.dockerlabs.probe;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A bounded HTTP GET, like {@code curl -s --noproxy '*' --retry-connrefused http://172.17.0.1:32768/}: a server
 * that has just started gets a few seconds to answer. Plain {@code HttpURLConnection}, never through a proxy
 * (the request must reach the host's own address): one request needs no client and no TLS set-up.
 */
public final class Http {

    static final Duration LIMIT = Duration.ofSeconds(5);
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

    /** The body of {@code GET http://host:port/} once it answers; a failure names the address and the curl command. */
    public static String get(String host, int port) {
        URI uri = uri(host, port);
        AtomicReference<IOException> last = new AtomicReference<>();
        try {
            return await("an HTTP answer at " + uri).atMost(LIMIT).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
                try {
                    return body(uri);
                } catch (IOException e) {
                    last.set(e);
                    return null;
                }
            }, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("GET " + uri + " failed for " + LIMIT.toSeconds() + " s: " + last.get()
                    + "\nSee it yourself: curl -sv " + uri, last.get());
        }
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
        try (InputStream body = connection.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
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
