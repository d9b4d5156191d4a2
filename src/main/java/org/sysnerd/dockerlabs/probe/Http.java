package org.sysnerd.dockerlabs.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One bounded HTTP GET, like {@code curl -s http://172.17.0.1:32768/}. */
public final class Http {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(LIMIT).build();

    private Http() {
    }

    /** True when something answers HTTP at {@code host:port} (a proxy, or nginx itself). */
    public static boolean answers(String host, int port) {
        try {
            CLIENT.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/")).timeout(LIMIT).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The body of {@code GET http://host:port/}; a failure names the address and the curl command. */
    public static String get(String host, int port) {
        URI uri = URI.create("http://" + host + ":" + port + "/");
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(LIMIT).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed: " + e + "\nSee it yourself: curl -sv " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + uri, e);
        }
    }
}
