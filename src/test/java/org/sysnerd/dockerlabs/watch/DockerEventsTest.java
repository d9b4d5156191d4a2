package org.sysnerd.dockerlabs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabRun;

@DisplayName("The watch's Docker events")
class DockerEventsTest {

    private final DockerEvents events = new DockerEvents(() -> { }, cause -> { });

    private static Event event(EventType type, String action, String id, Map<String, String> attributes) {
        return new Event().withType(type).withAction(action).withEventActor(new EventActor().withId(id).withAttributes(attributes));
    }

    @Test
    @DisplayName("count a learner's container: its start, its pause, its network connect")
    void count_the_learners() {
        assertThat(events.relevant(event(EventType.CONTAINER, "start", "c1", Map.of("name", "web")))).isTrue();
        assertThat(events.relevant(event(EventType.CONTAINER, "pause", "c1", Map.of("name", "web")))).isTrue();
        assertThat(events.relevant(event(EventType.NETWORK, "connect", "n1", Map.of("container", "c1")))).isTrue();
    }

    @Test
    @DisplayName("leave out the kit's own containers, and their network connects, so that a check does not trigger the next")
    void leave_out_the_kits() {
        Map<String, String> kit = Map.of(LabRun.SUITE_LABEL, "true", "name", "docker-labs-probe-host-1");

        assertThat(events.relevant(event(EventType.CONTAINER, "create", "k1", kit))).isFalse();
        assertThat(events.relevant(event(EventType.NETWORK, "connect", "n1", Map.of("container", "k1")))).isFalse();
        assertThat(events.relevant(event(EventType.CONTAINER, "destroy", "k1", kit))).isFalse();
    }

    @TempDir
    Path dir;

    @Test
    @DisplayName("wait 1 s after a stream that ended or a first failure, then twice as long each time, up to 5 s")
    void back_off_while_the_daemon_is_away() {
        long s = 1_000_000_000L;
        assertThat(List.of(0, 1, 2, 3, 4, 60).stream().map(failures -> DockerEvents.retryAfter(failures, s, 5 * s)).toList())
                .containsExactly(s, s, 2 * s, 4 * s, 5 * s, 5 * s);
    }

    @Test
    @DisplayName("tell a daemon that does not answer once, with its address and the cause, and keep trying")
    void tell_a_lost_daemon_once() {
        URI nowhere = URI.create("unix://" + dir.resolve("no-daemon.sock"));

        List<String> told = follow(() -> new Engine(nowhere));

        assertThat(told).as("what the board was told").singleElement().asString()
                .startsWith("the Docker daemon at " + nowhere + " does not answer: ");
    }

    @Test
    @DisplayName("tell a client that cannot even be made (the watch started before Docker), and keep trying")
    void survive_a_failed_connect() {
        URI nowhere = URI.create("unix://" + dir.resolve("not-yet.sock"));

        List<String> told = follow(() -> {
            Engine unusable = new Engine(nowhere);
            unusable.close(); // its connect() throws, as Testcontainers' search does where no daemon is found
            return unusable;
        });

        assertThat(told).singleElement().asString().startsWith("the Docker daemon at " + nowhere + " does not answer: ")
                .contains("closed");
    }

    @Test
    @DisplayName("outlive an error of the search for the daemon itself (a provider that could not be loaded)")
    void survive_an_error_of_the_search() {
        List<String> told = follow(() -> {
            throw new ServiceConfigurationError("a Docker client provider could not be instantiated");
        });

        assertThat(told).singleElement().asString().endsWith("does not answer: a Docker client provider could not be instantiated");
    }

    /** Follows with these engines until four attempts were made, then closes; what {@code down} was told. */
    private static List<String> follow(Supplier<Engine> engines) {
        List<String> told = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        DockerEvents following = new DockerEvents(() -> { }, told::add, () -> {
            attempts.incrementAndGet();
            return engines.get();
        }, Duration.ofMillis(10), Duration.ofMillis(40));
        try {
            following.start();
            await("four attempts to follow the events").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> attempts.get() >= 4);
            assertThat(following.following()).as("the events thread, after four failed attempts").isTrue();
        } finally {
            following.close();
        }
        assertThat(following.following()).as("the events thread, once closed").isFalse();
        return told;
    }
}
