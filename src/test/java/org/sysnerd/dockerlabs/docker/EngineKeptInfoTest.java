package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysnerd.dockerlabs.parse.Fixtures;

/**
 * A watch's runs take the engine's facts its session read once ({@code docker info}, among the daemon's costliest
 * answers): an engine given them MUST NOT ask the daemon for them again, and asks its source once.
 */
@DisplayName("An engine given the facts its session kept")
class EngineKeptInfoTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("answers with them, once asked of its source, without a word to the daemon")
    void answers_without_the_daemon() {
        EngineInfo kept = EngineInfo.fromJson(Fixtures.json("docker-info/docker-20.10-recorded.json"));
        AtomicInteger asked = new AtomicInteger();
        Engine engine = new Engine(URI.create("unix://" + dir.resolve("nobody-listens.sock")), () -> {
            asked.incrementAndGet();
            return kept;
        });

        assertThat(engine.info()).isSameAs(kept);
        assertThat(engine.info()).isSameAs(kept);
        assertThat(asked).as("times the session's facts were asked for").hasValue(1);
        assertThat(engine.dockerHost()).as("where it talks: it never connected").isNull();
    }
}
