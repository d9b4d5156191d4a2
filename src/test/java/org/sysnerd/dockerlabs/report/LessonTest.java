package org.sysnerd.dockerlabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A failed fact's lesson")
class LessonTest {

    private static final Lesson DNAT = new Lesson("the published port has a DNAT rule to the container's address and port 80",
            "a DNAT rule for tcp port 32768 to 172.17.0.6:80", "none", "sudo iptables -t nat -S DOCKER -v");

    @Test
    @DisplayName("is written as the fact, then its Expected, Seen and See it yourself lines")
    void text() {
        assertThat(DNAT.text()).isEqualTo("""
                the published port has a DNAT rule to the container's address and port 80
                Expected: a DNAT rule for tcp port 32768 to 172.17.0.6:80
                Seen: none
                See it yourself: sudo iptables -t nat -S DOCKER -v""");
    }

    @Test
    @DisplayName("says what was expected and seen; a message that is no lesson, shown as the fact, says neither")
    void expected_and_seen() {
        assertThat(DNAT.hasExpectedAndSeen()).isTrue();
        assertThat(new Lesson("Docker is not reachable at unix:///var/run/docker.sock: no socket", null, null, null)
                .hasExpectedAndSeen()).isFalse();
    }
}
