package org.sysnerd.dockerlabs.probe;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.TimeScale;
import org.sysnerd.dockerlabs.journal.Journal;

/** The host as this process sees it: it reads the host's files itself and runs the host's tools as its own user. */
public final class DirectHost implements Backend {

    private static final Duration COMMAND_LIMIT = TimeScale.of(Duration.ofSeconds(10));
    /** HTTP from this process, whose network namespace is the host's. */
    private static final HostHttp HTTP = new HostHttp() {
        @Override
        public String get(String address, int port, Journal journal) {
            return Http.get(address, port);
        }

        @Override
        public boolean answers(String address, int port) {
            return Http.answers(address, port);
        }
    };

    private final String why;

    /** Reads the host from this process; {@code why} says why that is possible here, for the report. */
    public DirectHost(String why) {
        this.why = why;
    }

    /** The host this process reads itself. */
    public static Host host(String why) {
        return Host.on(new DirectHost(why));
    }

    /** Told by the file system, not by test -e, whose exit 1 is the same for an absent path and a denied one. */
    @Override
    public boolean exists(String path, Journal journal) {
        try {
            Files.readAttributes(Path.of(path), BasicFileAttributes.class);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            // A fact not seen is not a fact that is absent.
            throw unavailable("could not look for " + path, e);
        }
    }

    @Override
    public String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unavailable("could not read " + path, e);
        }
    }

    /** By the system call readlink(2) itself, as readlink(1) does, without a process per link. */
    @Override
    public String readLink(String path, Journal journal) {
        try {
            return Files.readSymbolicLink(Path.of(path)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            throw unavailable("could not read the link " + path, e);
        }
    }

    /** Resolved by the file system, as realpath(1) does, without a process per path. */
    @Override
    public String realPath(String path, Journal journal) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException e) {
            throw unavailable("could not resolve " + path, e);
        }
    }

    /** Each by the file system: no process to save. */
    @Override
    public List<String> realPaths(List<String> paths, Journal journal) {
        return paths.stream().map(path -> realPath(path, journal)).toList();
    }

    private static HostFactUnavailable unavailable(String what, Exception e) {
        String seen = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file" : e.toString();
        return new HostFactUnavailable(what + ": " + seen, e);
    }

    @Override
    public Ran run(List<String> argv) {
        String line = String.join(" ", argv);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("docker-labs", ".out");
            err = Files.createTempFile("docker-labs", ".err");
            Process process = new ProcessBuilder(withTool(argv)).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new HostFactUnavailable("`" + line + "` did not finish within " + COMMAND_LIMIT.toSeconds() + " s");
            }
            return new Ran(line, process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new HostFactUnavailable("could not run `" + line + "`: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostFactUnavailable("interrupted while running `" + line + "`", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** The host's tool by its full path: iptables and ip live in sbin, which a user's PATH may lack. */
    private static List<String> withTool(List<String> command) {
        String tool = command.get(0);
        if (tool.contains("/")) {
            return command;
        }
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/local/sbin:/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate)) {
                List<String> resolved = new ArrayList<>(command);
                resolved.set(0, candidate.toString());
                return resolved;
            }
        }
        return command;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }

    @Override
    public HostHttp http() {
        return HTTP;
    }

    @Override
    public String describe() {
        return "direct (this process, user " + System.getProperty("user.name") + ": " + why + ")";
    }
}
