package org.sysnerd.dockerlabs.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("The daemon's answer to a pull is sorted by its cause, on recorded and written answers")
class ImageProblemTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "no-such-host-recorded.txt, UNREACHABLE",
        "connection-refused-recorded.txt, UNREACHABLE",
        "network-unreachable-recorded.txt, UNREACHABLE",
        "client-timeout-recorded.txt, NO_ANSWER",
        "context-deadline-recorded.txt, NO_ANSWER",
        "toomanyrequests-recorded.txt, RATE_LIMITED",
        "unauthorized-recorded.txt, UNAUTHORIZED",
        "pull-access-denied.txt, UNAUTHORIZED",
        "manifest-unknown-recorded.txt, NOT_FOUND",
        "manifest-not-found.txt, NOT_FOUND",
    })
    void sorted_by_cause(String fixture, ImageProblem.Cause cause) {
        assertThat(ImageProblem.fromAnswer("nginx:1.27.4", Fixtures.text("pull/" + fixture), false).cause()).isEqualTo(cause);
    }

    @Test
    @DisplayName("a pull the daemon said nothing of is a registry that does not answer")
    void a_stalled_pull_does_not_answer() {
        assertThat(ImageProblem.fromAnswer("nginx:1.27.4", "the daemon said nothing for 30 s", true).cause())
                .isEqualTo(ImageProblem.Cause.NO_ANSWER);
    }

    @Test
    @DisplayName("the description names the image, the cause and the registry's own words")
    void describes_image_cause_and_answer() {
        String answer = Fixtures.text("pull/toomanyrequests-recorded.txt").strip();

        assertThat(ImageProblem.fromAnswer("nginx:1.27.4", answer, false).describe()).isEqualTo("image nginx:1.27.4 is "
                + "not on this host and cannot be pulled: the registry's pull rate limit is reached: " + answer);
    }
}
