package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The kit's transport to the daemon, each request bounded: a daemon that accepts and then says nothing (frozen, or
 * behind a forward whose far end hangs) fails the request after the limit instead of holding a lab for ever. A read
 * timeout cannot do it: on a unix socket the JDK's channel streams ignore SO_TIMEOUT (measured: a SIGSTOPped dockerd
 * held an inspect 10 minutes with the client's responseTimeout at 60 s). A request waits in a daemon thread of its
 * own, which is left behind when it times out; the JVM ends all the same.
 */
final class BoundedHttpClient implements DockerHttpClient {

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "docker-labs-docker-call");
        thread.setDaemon(true);
        return thread;
    });

    private final DockerHttpClient transport;
    private final Duration limit;

    BoundedHttpClient(DockerHttpClient transport, Duration limit) {
        this.transport = transport;
        this.limit = limit;
    }

    /** The Docker daemon said nothing to a request within the limit: it is lost for this run. */
    static final class Unanswered extends DaemonLost {
        Unanswered(String message) {
            super(message, new IOException(message));
        }
    }

    @Override
    public Response execute(Request request) {
        Future<Response> response = CALLS.submit(() -> transport.execute(request));
        try {
            return response.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new Unanswered("the Docker daemon did not answer " + request.method() + " " + request.path()
                    + " within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            // docker-java's transport wraps its I/O error in a plain RuntimeException: typed here as the daemon lost.
            if (e.getCause() instanceof RuntimeException cause && cause.getCause() instanceof IOException io
                    && cause.getClass() == RuntimeException.class) {
                throw new DaemonLost(request.method() + " " + request.path() + " to the Docker daemon: " + io.getMessage(), io);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted while waiting for the Docker daemon (" + request.method() + " "
                    + request.path() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
