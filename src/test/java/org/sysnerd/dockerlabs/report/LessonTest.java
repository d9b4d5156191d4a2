package org.sysnerd.dockerlabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A failure's message in its parts")
class LessonTest {

    @Test
    @DisplayName("has what was checked, Expected, Seen and the command, as the labs write them")
    void parts() {
        Lesson lesson = Lesson.of("""
                the published port has a DNAT rule to the container's address and port 80
                Expected: a DNAT rule for tcp port 32768 to 172.17.0.6:80
                Seen:     none
                Why:      no DNAT rule
                See it yourself: sudo iptables -t nat -S DOCKER -v""");

        assertThat(lesson).isEqualTo(new Lesson("the published port has a DNAT rule to the container's address and port 80",
                "a DNAT rule for tcp port 32768 to 172.17.0.6:80", "none", "sudo iptables -t nat -S DOCKER -v"));
    }

    @Test
    @DisplayName("of a blocked lab's cause is only what happened")
    void cause_only() {
        assertThat(Lesson.of("Docker is not reachable at unix:///var/run/docker.sock: no socket\n"))
                .isEqualTo(new Lesson("Docker is not reachable at unix:///var/run/docker.sock: no socket", null, null, null));
    }

    @Test
    @DisplayName("of no message is empty")
    void none() {
        assertThat(Lesson.of(null).hasExpectedAndSeen()).isFalse();
    }
}
