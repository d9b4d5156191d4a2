package org.sysnerd.dockerlabs.lessons;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.probe.Host;
import org.sysnerd.dockerlabs.probe.HostFacts;

/**
 * A host made of recorded outputs for the lessons' tests: files and command lines answer with fixtures, paths resolve
 * to themselves, and HTTP answers what it is given (nothing answers elsewhere).
 */
final class RecordedHost implements Host {

    private final Map<String, String> fixtures = new HashMap<>();
    private final Map<String, String> pages = new HashMap<>();

    /** {@code path} or a command line reads this fixture. */
    RecordedHost with(String pathOrCommand, String fixture) {
        fixtures.put(pathOrCommand, fixture);
        return this;
    }

    /** {@code http://address:port/} answers with this body. */
    RecordedHost serving(String address, int port, String body) {
        pages.put(address + ":" + port, body);
        return this;
    }

    HostFacts facts() {
        return new HostFacts(this);
    }

    @Override
    public String read(String path) {
        return text(path);
    }

    @Override
    public String readLink(String path) {
        throw new UnsupportedOperationException(path);
    }

    @Override
    public String realPath(String path) {
        return path;
    }

    @Override
    public boolean exists(String path) {
        return fixtures.containsKey(path);
    }

    @Override
    public String run(List<String> command) {
        return text(String.join(" ", command));
    }

    private String text(String key) {
        if (!fixtures.containsKey(key)) {
            throw new HostFactUnavailable("`" + key + "`: not recorded");
        }
        return Fixtures.text(fixtures.get(key));
    }

    @Override
    public String httpGet(String address, int port) {
        String body = pages.get(address + ":" + port);
        if (body == null) {
            throw new HostFactUnavailable("connection refused: " + address + ":" + port);
        }
        return body;
    }

    @Override
    public boolean httpAnswers(String address, int port) {
        return pages.containsKey(address + ":" + port);
    }

    @Override
    public String describe() {
        return "recorded";
    }

    @Override
    public Host journaling(Journal journal) {
        return this;
    }
}
