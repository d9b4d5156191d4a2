package org.sysnerd.dockerlabs.probe;

import java.util.ArrayList;
import java.util.List;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.parse.BatchOutput;

/**
 * How the kit reaches a host (testinfra's backend): it runs one of the host's tools and reads one of its files.
 * Links, paths, HTTP's judgement and the facts are built on these, once for every backend ({@link BackendHost},
 * {@link HostFacts}). Backends: this process ({@link DirectHost}), a helper container of the daemon ({@link DaemonHost}).
 */
public interface Backend {

    /** Runs one of the host's tools: its exit code and output whatever they are; unavailable only when it could not run. */
    Ran run(List<String> argv);

    /** The text of a file of the host, e.g. {@code /proc/4242/comm}. */
    String read(String path);

    /** A command that exited non-zero, told as a fact that could not be read, with why where this backend can tell. */
    default HostFactUnavailable failed(String what, Ran ran, Journal journal) {
        return new HostFactUnavailable("`" + what + "` exited " + ran.exitCode() + ": " + ran.stderr().strip());
    }

    /**
     * Whether a path exists on the host; unavailable when that cannot be told. {@code test -e} by default, which prints
     * nothing: an exit above 1, or a message, is the backend failing (a chroot, an env), not an absent path.
     */
    default boolean exists(String path, Journal journal) {
        Ran ran = run(List.of("test", "-e", path));
        if (ran.exitCode() > 1 || !ran.stderr().isBlank()) {
            throw failed("test -e " + path, ran, journal);
        }
        return ran.exitCode() == 0;
    }

    /** Where a symbolic link of the host points, e.g. {@code net:[4026531840]}; {@code readlink -v} by default. */
    default String readLink(String path, Journal journal) {
        return succeeded(List.of("readlink", "-v", path), journal).strip();
    }

    /** A path of the host with every link resolved, which must exist; {@code realpath -e} by default. */
    default String realPath(String path, Journal journal) {
        return succeeded(List.of("realpath", "-e", path), journal).strip();
    }

    /**
     * Several paths of the host with every link resolved, in the order asked, which must all exist: one
     * {@code realpath -e A B C} by default (one process, not one per path; an overlay has a lower dir per layer).
     */
    default List<String> realPaths(List<String> paths, Journal journal) {
        if (paths.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of("realpath", "-e"));
        command.addAll(paths);
        String out = succeeded(command, journal);
        return BatchOutput.lines(out, paths.size()).orElseThrow(() -> new HostFactUnavailable("`"
                + String.join(" ", command) + "` printed " + out.lines().count() + " lines for " + paths.size() + " paths:\n" + out));
    }

    /** The texts of several files of the host, in the order asked; one {@link #read} each by default. */
    default List<String> readAll(List<String> paths) {
        return paths.stream().map(this::read).toList();
    }

    /** What a tool printed, which must exit 0; unavailable otherwise. */
    default String succeeded(List<String> command, Journal journal) {
        Ran ran = run(command);
        if (ran.exitCode() != 0) {
            throw failed(String.join(" ", command), ran, journal);
        }
        return ran.stdout();
    }

    /** HTTP sent from the host's own network namespace. */
    HostHttp http();

    /** How this host is reached, for the report: e.g. "direct (this process, uid 0)". */
    String describe();
}
