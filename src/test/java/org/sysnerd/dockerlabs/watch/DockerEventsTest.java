package org.sysnerd.dockerlabs.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
}
