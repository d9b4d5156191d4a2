package org.sysnerd.dockerlabs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.PortMapping;

@DisplayName("docker inspect of a learner's containers (recorded, Docker 20.10)")
class InspectParserTest {

    private static Map<String, InspectedContainer> byName(String fixture) {
        return InspectParser.containers(Fixtures.text("inspect/" + fixture)).stream()
                .collect(Collectors.toMap(InspectedContainer::name, Function.identity()));
    }

    /** The names the page gives the learner's containers, as the recorded states have them. */
    private static final String LEARNERS_WEB = "web";
    private static final String LEARNERS_GONE = "gone";
    private static final String LEARNERS_STAYUP = "stayup";

    private final Map<String, InspectedContainer> done = byName("learner-done-recorded.json");

    @Test
    @DisplayName("reads the name without its slash, the image as typed, the state and the PID")
    void reads_name_image_and_state() {
        InspectedContainer web = done.get(LEARNERS_WEB);

        assertThat(web.image()).isEqualTo("docker-labs-standin/nginx:debian");
        assertThat(web.imageId()).startsWith("sha256:");
        assertThat(web.running()).isTrue();
        assertThat(web.state().pid()).isPositive();
        assertThat(web.addressOn("bridge")).isEqualTo("172.17.0.5");
        assertThat(web.command()).containsExactly("nginx", "-g", "daemon off;");
    }

    @Test
    @DisplayName("reads the published ports, IPv4 and IPv6, and the ones docker run -p asked for")
    void reads_published_and_requested_ports() {
        InspectedContainer published = done.values().stream().filter(c -> !c.published().isEmpty()).findFirst().orElseThrow();

        assertThat(published.published()).containsExactly(new PortMapping("0.0.0.0", 8080, 80, "tcp"),
                new PortMapping("::", 8080, 80, "tcp"));
        assertThat(published.requested()).containsExactly(new PortMapping("", 8080, 80, "tcp"));
        assertThat(published.publishes(8080, 80)).isTrue();
        assertThat(published.publishes(8081, 80)).isFalse();
        assertThat(published).hasToString(published.name() + " (docker-labs-standin/nginx:debian) running, PID "
                + published.state().pid() + ", 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp");
    }

    @Test
    @DisplayName("reads an exited container: exit code, start and end (which Docker may stamp out of order)")
    void reads_an_exited_container() {
        InspectedContainer gone = done.get(LEARNERS_GONE);

        assertThat(gone.running()).isFalse();
        assertThat(gone.state().exitCode()).isZero();
        assertThat(gone.state().pid()).isZero();
        assertThat(gone.ranFor()).isLessThan(Duration.ofSeconds(1));
        assertThat(gone.command()).containsExactly("/bin/sh");
    }

    @Test
    @DisplayName("a running container has no end yet, and has run for no time that is known")
    void a_running_container_has_no_end() {
        InspectedContainer stayup = done.get(LEARNERS_STAYUP);

        assertThat(stayup.finishedAt()).isNull();
        assertThat(stayup.ranFor()).isNull();
        assertThat(stayup.command()).isEqualTo(List.of("sleep", "1000"));
    }

    @Test
    @DisplayName("a stopped container publishes nothing, but still says what it asked for")
    void a_stopped_container_keeps_its_requested_ports() {
        InspectedContainer web = byName("learner-web-stopped-recorded.json").get(LEARNERS_WEB);

        assertThat(web.running()).isFalse();
        assertThat(web.published()).isEmpty();
        assertThat(web.addressOn("bridge")).isNull();
    }
}
