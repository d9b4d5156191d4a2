package org.sysnerd.dockerlabs.probe;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.UnixListener;
import org.sysnerd.dockerlabs.parse.MountInfoParser;
import org.sysnerd.dockerlabs.parse.UnixSocketParser;

/**
 * The daemon's own process, found from the unix socket it listens on, as root and without a container: the one
 * listening socket in this network namespace bound where the socket's path leads ({@code /proc/net/unix}), the
 * processes whose file descriptors hold it ({@code /proc/<pid>/fd/* -> socket:[inode]}), and among them the daemon
 * ({@code dockerd}, or Podman's service), any other holder being PID 1 (systemd's socket activation). A socket that
 * something else serves (ssh or socat forwarding it, Docker Desktop's proxy) or that this network namespace does not
 * list (a daemon in another one) names no daemon here: then only the helper can tell where the daemon's host is.
 * A listener is matched by the path it was bound to, not by the file that path leads to now: a socket mounted over
 * the daemon's ({@code mount --bind /tmp/forward.sock /var/run/docker.sock}) is refused for that reason; one renamed
 * over it ({@code mv}) cannot be told from here (the kernel's record of the bound file is sock_diag's, not /proc's).
 *
 * @param pid     the daemon's PID in this process's PID namespace
 * @param command its {@code /proc/<pid>/comm}
 * @param socket  the listening socket it holds
 */
public record DaemonListener(long pid, String command, UnixListener socket) {

    /** The processes that serve the Docker API themselves, rather than forward it. */
    static final Set<String> DAEMONS = Set.of("dockerd", "podman");

    private static final Path PROC = Path.of("/proc");

    /** The daemon that listens on this socket; unavailable, with why, when none can be told from here. */
    public static DaemonListener of(Path socket) {
        Path real;
        List<UnixListener> bound = new ArrayList<>();
        try {
            real = socket.toRealPath();
            if (mountedOn(real, Files.readString(PROC.resolve("self/mountinfo")))) {
                throw new HostFactUnavailable(socket + " has a file mounted on it (" + real + " in /proc/self/mountinfo): "
                        + "a connection reaches that file's listener, not the one bound there");
            }
            for (UnixListener listener : UnixSocketParser.listeners(Files.readString(PROC.resolve("net/unix")))) {
                if (leadsTo(listener, real)) {
                    bound.add(listener);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new HostFactUnavailable("could not read the listeners of " + socket + ": " + e);
        }
        if (bound.size() != 1) {
            throw new HostFactUnavailable(bound.isEmpty() ? "no process in this network namespace listens on " + socket
                    : bound.size() + " sockets listen where " + socket + " leads: " + bound);
        }
        return holder(socket, bound.get(0));
    }

    /** The one holder of the listening socket that is a daemon; the others may only be PID 1. */
    private static DaemonListener holder(Path socket, UnixListener listener) {
        List<DaemonListener> daemons = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                if (holds(process, listener)) {
                    long pid = Long.parseLong(process.getFileName().toString());
                    String command = command(process);
                    if (command == null) {
                        continue; // it ended while we looked: it holds nothing any more
                    }
                    if (DAEMONS.contains(command)) {
                        daemons.add(new DaemonListener(pid, command, listener));
                    } else if (pid != 1) {
                        others.add(command + " (PID " + pid + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new HostFactUnavailable("could not list the processes in /proc: " + e);
        }
        if (daemons.size() != 1 || !others.isEmpty()) {
            throw new HostFactUnavailable(socket + " is served by " + (others.isEmpty() ? "no daemon" : String.join(", ", others))
                    + (daemons.isEmpty() ? "" : " beside " + daemons) + " (a forward, or a proxy: not the daemon itself)");
        }
        return daemons.get(0);
    }

    /** This daemon's kernel and namespaces, from its {@code /proc/<pid>/ns} links. */
    public DaemonPlace.Identity identity() {
        Path process = PROC.resolve(Long.toString(pid));
        try {
            return DaemonPlace.Identity.of(process);
        } catch (IOException e) {
            throw new HostFactUnavailable("could not read the namespaces of " + command + " (PID " + pid + "): " + e);
        }
    }

    /** What was found, for the report, e.g. {@code dockerd, PID 2437, listening on /var/run/docker.sock}. */
    public String describe() {
        return command + ", PID " + pid + ", listening on " + socket.path();
    }

    /** True when something is mounted on this path: what a listener bound there is no longer what the path reaches. */
    static boolean mountedOn(Path real, String mountinfo) {
        String path = real.toString();
        return MountInfoParser.parse(mountinfo).stream().anyMatch(mount -> mount.mountPoint().equals(path));
    }

    private static boolean leadsTo(UnixListener listener, Path real) {
        try {
            return Path.of(listener.path()).toRealPath().equals(real);
        } catch (IOException | RuntimeException goneOrRelative) {
            return false; // its file was removed, or replaced by another's: no connection reaches it by that path
        }
    }

    /** True when one of the process's file descriptors is this socket; a process that ends meanwhile holds none. */
    private static boolean holds(Path process, UnixListener listener) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(listener.fdLink())) {
                        return true;
                    }
                } catch (IOException closed) {
                    // closed while we looked
                }
            }
            return false;
        } catch (IOException ended) {
            return false;
        }
    }

    private static String command(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException ended) {
            return null;
        }
    }
}
