package org.sysnerd.dockerlabs.probe;

import java.util.List;
import org.sysnerd.dockerlabs.journal.Journal;

/**
 * A host reached through a {@link Backend}: everything the labs look at, built on its {@code run(argv)} and
 * {@code read(path)} once for every backend, each command recorded in the lab's journal.
 */
public final class BackendHost implements Host {

    private final Backend backend;
    /** Where the commands this view runs are recorded. */
    private final Journal journal;

    BackendHost(Backend backend, Journal journal) {
        this.backend = backend;
        this.journal = journal;
    }

    @Override
    public Host journaling(Journal journal) {
        return new BackendHost(backend, journal);
    }

    /** How the host is reached. */
    public Backend backend() {
        return backend;
    }

    @Override
    public boolean direct() {
        return backend instanceof DirectHost;
    }

    @Override
    public String read(String path) {
        return logged("cat " + path, backend.read(path));
    }

    @Override
    public String readLink(String path) {
        return logged("readlink " + path, backend.readLink(path, journal));
    }

    @Override
    public String realPath(String path) {
        return logged("realpath " + path, backend.realPath(path, journal));
    }

    @Override
    public List<String> realPaths(List<String> paths) {
        List<String> resolved = backend.realPaths(paths, journal);
        logged("realpath " + String.join(" ", paths), String.join("\n", resolved));
        return resolved;
    }

    /** Recorded as one {@code cat} per file, as each file would be read alone. */
    @Override
    public List<String> readAll(List<String> paths) {
        List<String> texts = backend.readAll(paths);
        for (int i = 0; i < paths.size(); i++) {
            logged("cat " + paths.get(i), texts.get(i));
        }
        return texts;
    }

    @Override
    public boolean exists(String path) {
        boolean exists = backend.exists(path, journal);
        logged("test -e " + path + " && echo yes", exists ? "yes" : "");
        return exists;
    }

    @Override
    public String run(List<String> command) {
        return logged(String.join(" ", command), backend.succeeded(command, journal));
    }

    @Override
    public String httpGet(String address, int port) {
        return backend.http().get(address, port, journal);
    }

    @Override
    public boolean httpAnswers(String address, int port) {
        return backend.http().answers(address, port);
    }

    @Override
    public String describe() {
        return backend.describe();
    }

    private String logged(String command, String output) {
        journal.record(command, output);
        return output;
    }
}
