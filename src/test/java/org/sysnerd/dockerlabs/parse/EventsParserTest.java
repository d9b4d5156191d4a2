package org.sysnerd.dockerlabs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.facts.ContainerEvent;

@DisplayName("EventsParser reads the containers' events out of `docker events --format '{{json .}}'`")
class EventsParserTest {

    @Test
    @DisplayName("Docker 29.7.2 (recorded): create, attach, start for each container, die where it was logged in time")
    void docker_29_actions() {
        assertThat(EventsParser.containerEvents(Fixtures.text("events/docker-29.7.2-q5-recorded.jsonl")))
                .extracting(ContainerEvent::action)
                .containsExactly("create", "attach", "start", "die", "create", "attach", "start", "create", "attach", "start", "die");
    }

    @Test
    @DisplayName("Docker 20.10 (recorded): the start event's time to the nanosecond, and the container's full ID")
    void docker_20_10_start_time() {
        ContainerEvent start = EventsParser.containerEvents(Fixtures.text("events/docker-20.10-q5-recorded.jsonl")).get(2);

        assertThat(start.action()).isEqualTo("start");
        assertThat(start.time()).isEqualTo(Instant.ofEpochSecond(1796456770L, 135407737L));
        assertThat(start.containerId()).hasSize(64);
    }

    @Test
    @DisplayName("an empty stream (no event left in the daemon's log) has no events")
    void empty_stream() {
        assertThat(EventsParser.containerEvents("")).isEmpty();
    }

    @Test
    @DisplayName("a network's event is not a container's")
    void other_types_are_left_out() {
        assertThat(EventsParser.containerEvents("{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":\"n\"},"
                + "\"timeNano\":1}")).isEmpty();
    }

    @Test
    @DisplayName("text that is not JSON is an error, not no events")
    void garbage_is_an_error() {
        assertThatThrownBy(() -> EventsParser.containerEvents("start 1796456770135407737"))
                .isInstanceOf(UncheckedIOException.class);
    }
}
