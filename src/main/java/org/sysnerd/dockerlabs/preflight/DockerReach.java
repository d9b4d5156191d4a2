package org.sysnerd.dockerlabs.preflight;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sysnerd.dockerlabs.docker.DaemonAddress;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.journal.Trace;

/**
 * Whether the daemon is reached, and where Testcontainers reaches it: the address checked first (a socket that is
 * there and answers, a tcp port that accepts), then the kit's client, each in seconds, not Testcontainers' minutes.
 */
final class DockerReach {

    private static final int CONNECT_LIMIT_MILLIS = 3000;

    private DockerReach() {
    }

    /** Null when Testcontainers found the daemon where the kit did; else what it found, or why it found none. */
    static String testcontainersAgrees(URI kits, CompletableFuture<URI> testcontainers, Duration limit) {
        try {
            // Bounded: its client has no limit of its own, and a daemon may answer _ping while docker info hangs.
            URI found = testcontainers.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            Trace.mark("preflight Testcontainers ready");
            return found.equals(kits) ? null : "Testcontainers reached " + found + " instead of "
                    + kits + ": set DOCKER_HOST to the one the labs should use";
        } catch (TimeoutException e) {
            return "Testcontainers, which starts the labs' containers, got no answer from the daemon within "
                    + limit.toSeconds() + " s (the daemon answers _ping, but not its other calls: see whether docker info "
                    + "answers, and restart the daemon if it hangs)";
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "Testcontainers, which starts the labs' containers, could not use the daemon: " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while Testcontainers looked for the daemon";
        }
    }

    /** Where the daemon answers: the address Testcontainers connected to once it has, else DOCKER_HOST or the system's socket. */
    static String dockerHost(Engine daemon) {
        if (daemon.dockerHost() != null) {
            return daemon.dockerHost().toString();
        }
        String requested = daemon.requestedHost();
        return requested != null ? requested : "unix://" + candidateSockets().get(0);
    }

    /** The sockets Testcontainers looks for when DOCKER_HOST is not set. */
    private static List<Path> candidateSockets() {
        return DaemonAddress.candidateSockets();
    }

    /** True when the daemon's address looks local (a unix socket, not Desktop's): what a forced direct probe needs at least. */
    static boolean daemonIsLocal(String dockerHost, EngineInfo engine) {
        return dockerHost.startsWith("unix://") && (engine == null || !engine.desktop());
    }

    /** Checks the address itself first: Testcontainers would try its other strategies for minutes, or find another daemon. */
    static String dockerError(Engine daemon) {
        String set = daemon.requestedHost();
        List<Path> sockets = candidateSockets();
        if (set == null && sockets.stream().noneMatch(Files::exists)) {
            return "no socket " + sockets.get(0) + " (nor rootless Docker's or Docker Desktop's: "
                    + String.join(", ", sockets.subList(1, sockets.size()).stream().map(Path::toString).toList())
                    + "): the daemon is not running, or not installed";
        }
        if (set != null && set.startsWith("unix://") && !Files.exists(Path.of(set.substring("unix://".length())))) {
            return "no socket " + set.substring("unix://".length()) + " (the daemon is not running, or not installed)";
        }
        if (set != null && set.startsWith("unix://")) {
            String silent = DaemonPing.problem(Path.of(set.substring("unix://".length())), Duration.ofMillis(CONNECT_LIMIT_MILLIS));
            if (silent != null) {
                return silent;
            }
        }
        if (set != null && set.startsWith("tcp://")) {
            URI uri = URI.create(set);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_LIMIT_MILLIS);
            } catch (IOException e) {
                return "nothing answers at " + uri.getHost() + ":" + uri.getPort() + " (" + e.getMessage() + ")";
            }
        }
        try {
            // Not Testcontainers' client(): it would start Ryuk first, pulling its image with minutes of retries.
            Trace.mark("preflight socket answers");
            String used = daemon.connect().toString();
            Trace.mark("preflight client made (Testcontainers' transport)");
            daemon.client().pingCmd().exec();
            Trace.mark("preflight pinged");
            if (set != null && !used.equals(set)) {
                return "Testcontainers reached " + used + " instead: unset DOCKER_HOST or make it answer";
            }
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(e.toString());
        }
    }

}
