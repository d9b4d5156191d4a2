package org.sysnerd.dockerlabs.labs;

import static org.sysnerd.dockerlabs.subject.PageContainer.STAYS_UP;
import static org.sysnerd.dockerlabs.subject.PageContainer.EXITS_AT_ONCE;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.facts.ContainerLife;
import org.sysnerd.dockerlabs.facts.HostProcess;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.junit.Evidence;
import org.sysnerd.dockerlabs.junit.Page;
import org.sysnerd.dockerlabs.lessons.LabAssertions;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.ForegroundProcess;
import org.sysnerd.dockerlabs.subject.Subject;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * The app in a container is its PID 1, and the container lives exactly as long as it does:
 * {@code alpine} with no command (PID 1 is the image's default, a shell with no terminal) MUST exit at once, its own
 * PID 1 ending within two seconds of the runtime starting it (the daemon's events; times LABS_TIME_SCALE), with code 0;
 * {@code alpine sleep 1000} MUST stay up, with a foreground process given as its command as its PID 1.
 * <p>The state graded: {@code gone}, alpine run with no command, exited; {@code stayup}, alpine given a foreground
 * process (the page's {@code sleep 1000}, or any other), running with that process as its PID 1.
 */
@DisplayName("Q5 · Break-and-fix: the instant exit")
@DockerLab(id = "Q5", title = "Break-and-fix: the instant exit", verify = "docker ps --filter name=stayup",
        needs = {Need.DOCKER, Need.ALPINE_IMAGE, Need.HOST_PROC})
class Q5TheInstantExitTest {

    /** Long enough to see a shell without a terminal end; the stand-in and alpine both end in well under a second. */
    private static final Duration EXIT_LIMIT = TimeScale.of(Duration.ofSeconds(5));
    /**
     * "At once": a shell without a terminal ends about 5 ms after it runs. Counted from the daemon's start event, not
     * from StartedAt, which Docker 29 takes before the runtime creates and starts the task; two seconds, times the host's
     * slowness (facts/TimeScale), still fails a PID 1 that lives three.
     */
    private static final Duration AT_ONCE = TimeScale.of(Duration.ofSeconds(2));
    /** How long after its start the container must still run: a hundred times what the instant exit takes. */
    private static final Duration STAY_UP = Duration.ofMillis(500);

    /** The page's {@code docker run --name gone alpine}. */
    private final Subject gone;
    /** The page's {@code docker run -d --name stayup alpine sleep 1000}. */
    private final Subject stayup;
    private final HostFacts host;

    Q5TheInstantExitTest(@Page(EXITS_AT_ONCE) Subject gone, @Page(STAYS_UP) Subject stayup, HostFacts host) {
        this.gone = gone;
        this.stayup = stayup;
        this.host = host;
    }

    @Test
    @DisplayName("alpine with no command runs the image's default, a shell")
    void runs_the_images_default_command(Evidence evidence) {
        List<String> imageDefault = gone.imageCommand();

        LabAssertions.assertThat(gone).runsTheImagesDefault(imageDefault);
        evidence.record("%s runs %s, the image's default", gone.name(), imageDefault);
    }

    @Test
    @DisplayName("it exits at once, with exit code 0")
    void exits_at_once_with_nothing_to_keep_pid_1_alive(Evidence evidence) {
        InspectedContainer exited = LabAssertions.assertThat(gone).exitsWithCode0("docker run alpine", EXIT_LIMIT);
        Seen<ContainerLife> life = gone.life();

        LabAssertions.assertThatLife(life).endedWithin(AT_ONCE);
        evidence.record("%s; %s", life.value(), exited.state());
    }

    /**
     * The page's state: {@code docker ps --filter name=stayup} lists it up. Any foreground process given as its command
     * keeps it so ({@code sleep 1000}, {@code tail -f /dev/null}, a shell loop); the image's shell kept waiting by
     * {@code -it} is no foreground process of its own.
     */
    @Test
    @DisplayName("alpine given a foreground process stays up, with that process as its PID 1")
    void stays_up_with_a_foreground_process(Evidence evidence) {
        LabAssertions.assertThat(stayup).staysUp("docker run -d alpine sleep 1000", STAY_UP);
        ForegroundProcess given = new ForegroundProcess(stayup.inspect(), stayup.imageCommand());
        Seen<HostProcess> pid1 = host.process(stayup.hostPid());

        LabAssertions.assertThatProcess(pid1).isAForegroundProcessGiven(given);
        evidence.record("%s: %s, host %s", stayup.name(), stayup.state(), pid1);
    }
}
