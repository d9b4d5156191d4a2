package org.sysnerd.dockerlabs.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sysnerd.dockerlabs.junit.Lab.evidence;
import static org.sysnerd.dockerlabs.junit.Lab.host;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabAssertions;
import org.sysnerd.dockerlabs.docker.AlpineLab;
import org.sysnerd.dockerlabs.facts.ContainerState;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.preflight.Need;
import org.testcontainers.junit.jupiter.Container;

/**
 * The app in a container is its PID 1, and the container lives exactly as long as it does:
 * {@code alpine} with no command (PID 1 is a shell with no terminal) MUST exit at once, with code 0;
 * {@code alpine sleep 1000} MUST stay up, with {@code sleep} as its PID 1.
 */
@DisplayName("Q5 · Break-and-fix: the instant exit")
@DockerLab(verify = "docker ps --filter name=stayup",
        needs = {Need.DOCKER, Need.ALPINE_IMAGE})
class Q5TheInstantExitTest {

    /** Long enough to see a shell without a terminal end; the stand-in and alpine both end in well under a second. */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(5);
    /**
     * How long after its start the container must still run: a hundred times what the instant exit takes
     * (a shell without a terminal ends about 5 ms after its start, on the daemon's clock).
     */
    private static final Duration STAY_UP = Duration.ofMillis(500);

    @Container
    static final AlpineLab gone = new AlpineLab("Q5", "exits-at-once");

    @Container
    static final AlpineLab stayup = new AlpineLab("Q5", "stays-up", "sleep", "1000");

    @Test
    @DisplayName("alpine with no command exits at once, with exit code 0")
    void exits_at_once_with_nothing_to_keep_pid_1_alive() {
        await("container " + gone.name() + " (docker run alpine) to exit").atMost(EXIT_LIMIT)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> LabAssertions.assertThat(gone.state())
                        .is("the container to have exited (its PID 1, sh, has no terminal)", state -> !state.running(),
                                state -> "the container is still running: its command never ended (docker inspect -f "
                                        + "'{{.Config.Cmd}}' " + gone.name() + ")"));

        LabAssertions.assertThat(gone.state()).is("exit code 0", state -> state.exitCode() == 0,
                state -> "PID 1 failed rather than ended: see docker logs " + gone.name());
        evidence("%s: %s", gone.name(), gone.state());
    }

    @Test
    @DisplayName("alpine sleep 1000 stays up, with sleep as its PID 1")
    void stays_up_with_a_foreground_process() {
        await("container " + stayup.name() + " (docker run -d alpine sleep 1000) to be up " + STAY_UP.toMillis() + " ms after its start")
                .atMost(STAY_UP.plusSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    Duration up = stayup.uptime();
                    LabAssertions.assertThat(stayup.state()).is("the container to be running", ContainerState::running,
                            state -> "its PID 1 ended: see docker logs " + stayup.name());
                    assertThat(up).as("uptime of %s on the daemon's clock", stayup.name()).isGreaterThanOrEqualTo(STAY_UP);
                });

        LabAssertions.assertThat(host().process(stayup.hostPid()))
                .is("the container's PID 1 to be sleep", process -> process.command().equals("sleep"));
        evidence("%s: %s, host %s", stayup.name(), stayup.state(), host().process(stayup.hostPid()));
    }
}
