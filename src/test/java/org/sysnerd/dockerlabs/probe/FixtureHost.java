package org.sysnerd.dockerlabs.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.parse.Fixtures;

/**
 * A host made of recorded outputs: its files are fixtures (by path), its tools answer with given texts (by command
 * line); a missing file or tool fails as it would on a host, and anything else is not part of the test.
 */
final class FixtureHost implements Host {

    private final Map<String, String> files;
    private final Map<String, String> commands;
    /** The command lines run, in order. */
    final List<String> ran = new ArrayList<>();

    private FixtureHost(Map<String, String> files, Map<String, String> commands) {
        this.files = files;
        this.commands = commands;
    }

    /** A host whose files are these fixtures ({@code /proc/4242/cgroup -> cgroup/v2-cgroupfs.txt}); nothing else exists. */
    static FixtureHost withFiles(Map<String, String> fixtureByPath) {
        return new FixtureHost(fixtureByPath, Map.of());
    }

    /** A host whose tools print these texts for these command lines; other tools are not installed. */
    static FixtureHost withCommands(Map<String, String> outputByLine) {
        return new FixtureHost(Map.of(), outputByLine);
    }

    @Override
    public String read(String path) {
        if (!files.containsKey(path)) {
            throw new HostFactUnavailable("could not read " + path + ": no such file");
        }
        return Fixtures.text(files.get(path));
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path);
    }

    @Override
    public String run(List<String> command) {
        String line = String.join(" ", command);
        ran.add(line);
        if (!commands.containsKey(line)) {
            throw new HostFactUnavailable("`" + line + "` exited 127: not found");
        }
        return commands.get(line);
    }

    @Override
    public String readLink(String path) {
        throw new UnsupportedOperationException(path);
    }

    @Override
    public String realPath(String path) {
        throw new UnsupportedOperationException(path);
    }

    @Override
    public String httpGet(String address, int port) {
        throw new UnsupportedOperationException("no HTTP in a fixture host");
    }

    @Override
    public boolean httpAnswers(String address, int port) {
        throw new UnsupportedOperationException("no HTTP in a fixture host");
    }

    @Override
    public String describe() {
        return "fixtures";
    }

    @Override
    public Host journaling(Journal journal) {
        return this;
    }
}
