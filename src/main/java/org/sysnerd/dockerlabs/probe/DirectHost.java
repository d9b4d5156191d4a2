package org.sysnerd.dockerlabs.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.facts.TimeScale;

/** The host as this process sees it: it reads /proc itself and runs the host's tools as its own user. */
public final class DirectHost implements Host {

    private static final Duration COMMAND_LIMIT = TimeScale.of(Duration.ofSeconds(10));

    private final String why;
    /** Where the commands this view runs are recorded. */
    private final Journal journal;

    /** Reads the host from this process; {@code why} says why that is possible here, for the report. */
    public DirectHost(String why) {
        this(why, Journal.NONE);
    }

    private DirectHost(String why, Journal journal) {
        this.why = why;
        this.journal = journal;
    }

    @Override
    public Host journaling(Journal journal) {
        return new DirectHost(why, journal);
    }

    @Override
    public String read(String path) {
        try {
            return logged("cat " + path, Files.readString(Path.of(path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unavailable("read " + path, e);
        }
    }

    @Override
    public String readLink(String path) {
        try {
            return logged("readlink " + path, Files.readSymbolicLink(Path.of(path)).toString());
        } catch (IOException e) {
            throw unavailable("read the link " + path, e);
        }
    }

    @Override
    public String realPath(String path) {
        try {
            return logged("realpath " + path, Path.of(path).toRealPath().toString());
        } catch (IOException e) {
            throw unavailable("resolve " + path, e);
        }
    }

    @Override
    public boolean exists(String path) {
        boolean exists;
        try {
            Files.readAttributes(Path.of(path), BasicFileAttributes.class);
            exists = true;
        } catch (NoSuchFileException e) {
            exists = false;
        } catch (IOException e) {
            // Files.exists would say false when access is denied: a fact not seen is not a fact that is absent.
            throw unavailable("look for " + path, e);
        }
        logged("test -e " + path + " && echo yes", exists ? "yes" : "");
        return exists;
    }

    @Override
    public String run(List<String> command) {
        String line = String.join(" ", command);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("docker-labs", ".out");
            err = Files.createTempFile("docker-labs", ".err");
            Process process = new ProcessBuilder(withTool(command)).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new HostFactUnavailable("`" + line + "` did not finish within " + COMMAND_LIMIT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new HostFactUnavailable("`" + line + "` exited " + process.exitValue() + ": "
                        + Files.readString(err).strip());
            }
            return logged(line, Files.readString(out));
        } catch (IOException e) {
            throw unavailable("run `" + line + "`", e);
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

    private String logged(String command, String output) {
        journal.record(command, output);
        return output;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }

    @Override
    public String httpGet(String address, int port) {
        return Http.get(address, port);
    }

    @Override
    public boolean httpAnswers(String address, int port) {
        return Http.answers(address, port);
    }

    @Override
    public String describe() {
        return "direct (this process, user " + System.getProperty("user.name") + ": " + why + ")";
    }

    private static HostFactUnavailable unavailable(String what, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied" : e.toString();
        return new HostFactUnavailable("could not " + what + ": " + why, e);
    }
}
