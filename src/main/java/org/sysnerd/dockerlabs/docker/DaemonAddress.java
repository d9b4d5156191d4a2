package org.sysnerd.dockerlabs.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.testcontainers.dockerclient.DockerDesktopClientProviderStrategy;
import org.testcontainers.dockerclient.RootlessDockerClientProviderStrategy;
import org.testcontainers.dockerclient.UnixSocketClientProviderStrategy;

/**
 * Where the daemon answers, when it is plain without Testcontainers' search (its classes take most of a second to
 * load and try): {@code DOCKER_HOST} as a unix socket, or, with {@code DOCKER_HOST} unset, the one socket there is
 * of those Testcontainers looks for, where its every strategy ends up. Anything else (a tcp or ssh
 * {@code DOCKER_HOST}, Testcontainers' own settings of the host or of a strategy of another kind, more than one
 * socket) is Testcontainers' to find, as it does for the labs' containers.
 */
public final class DaemonAddress {

    /** Testcontainers' settings that choose the daemon (tc.host, docker.host, where docker.* settings come from). */
    private static final List<String> CHOOSING = List.of("tc.host", "docker.host", "dockerconfig.source");
    /** The strategy Testcontainers may have saved in ~/.testcontainers.properties that looks only at these sockets. */
    private static final Set<String> SOCKET_STRATEGIES = Set.of(UnixSocketClientProviderStrategy.class.getName(),
            RootlessDockerClientProviderStrategy.class.getName(), DockerDesktopClientProviderStrategy.class.getName());

    private DaemonAddress() {
    }

    /** The daemon's address when it is plain here; empty when Testcontainers must find it. */
    public static Optional<URI> plain() {
        return plain(System.getenv(), userSettings(), existing(candidateSockets()));
    }

    /** Pure: from the environment, ~/.testcontainers.properties and the candidate sockets that exist. */
    static Optional<URI> plain(Map<String, String> env, Properties user, List<Path> sockets) {
        for (String key : CHOOSING) {
            if (user.getProperty(key) != null || env.get("TESTCONTAINERS_" + key.replace('.', '_').toUpperCase()) != null) {
                return Optional.empty();
            }
        }
        String strategy = env.getOrDefault("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY", user.getProperty("docker.client.strategy"));
        if (strategy != null && !SOCKET_STRATEGIES.contains(strategy)) {
            return Optional.empty();
        }
        String set = env.get("DOCKER_HOST");
        if (set != null) {
            return set.startsWith("unix://") ? Optional.of(URI.create(set)) : Optional.empty();
        }
        return sockets.size() == 1 ? Optional.of(URI.create("unix://" + sockets.get(0))) : Optional.empty();
    }

    /**
     * The sockets Testcontainers looks for when DOCKER_HOST is not set: the system's, rootless Docker's, Docker
     * Desktop's.
     */
    public static List<Path> candidateSockets() {
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
        }
        sockets.add(Path.of("/run/user/" + ProcessOwner.uid() + "/docker.sock"));
        sockets.add(home.resolve(".docker/run/docker.sock"));
        sockets.add(home.resolve(".docker/desktop/docker.sock"));
        return sockets.stream().distinct().toList();
    }

    /** The sockets that exist, each once, by its first name (two names may lead to one socket). */
    private static List<Path> existing(List<Path> sockets) {
        List<Path> found = new ArrayList<>();
        List<Path> real = new ArrayList<>();
        for (Path socket : sockets) {
            try {
                Path target = socket.toRealPath();
                if (!real.contains(target)) {
                    real.add(target);
                    found.add(socket);
                }
            } catch (IOException absent) {
                // not there
            }
        }
        return found;
    }

    private static Properties userSettings() {
        Properties settings = new Properties();
        Path file = Path.of(System.getProperty("user.home"), ".testcontainers.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                settings.load(in);
            } catch (IOException e) {
                settings.setProperty("tc.host", "unreadable"); // cannot tell what it says: let Testcontainers read it
            }
        }
        return settings;
    }
}
