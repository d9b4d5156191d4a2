package org.sysnerd.dockerlabs.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.sysnerd.dockerlabs.facts.TimeScale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.sysnerd.dockerlabs.docker.AlpineLab;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.report.LabStatus;

/**
 * A lab container that the OCI runtime refuses MUST block its lab within seconds, quoting the runtime's own error.
 * Testcontainers removes a container whose start failed from within that start, so the kit must hold no lock across
 * the start that the removal needs (issue 28: it did, and every such lab waited 45 s and then blamed the daemon).
 * The runtime is made to refuse with a command the image does not have, which every runc refuses at its create.
 */
@DisplayName("A container the runtime refuses")
@NeedsDocker
class RefusedContainerTest {

    /** Ten seconds, times the host's slowness (a VM under TCG runs with LABS_TIME_SCALE=10). */
    private static final Duration LIMIT = TimeScale.of(Duration.ofSeconds(10));
    private static final String MISSING = "/no-such-command";

    @Test
    @DisplayName("blocks its lab within 10 s, quoting the runtime's error")
    void blocks_its_lab_within_seconds_quoting_the_runtime(TestReporter reporter) {
        AlpineLab refused = new AlpineLab(new LabRun(), "kit", "refused", MISSING).withoutNetwork();
        long asked = System.nanoTime();
        Throwable thrown;
        Duration took;
        try {
            thrown = catchThrowable(refused::start);
            // the verdict's time, without the clean-up after it
            took = Duration.ofNanos(System.nanoTime() - asked);
        } finally {
            refused.remove(Journal.NONE);
        }
        Verdict verdict = Verdict.ofThrowable("the container runs", thrown);
        reporter.publishEntry("verdict after " + took.toMillis() + " ms", verdict.status() + ": " + verdict.message());

        assertThat(took).as("the time from docker run to the lab's verdict").isLessThan(LIMIT);
        assertThat(verdict.status()).as("the lab's verdict: %s", verdict.message()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).as("what the lab says").contains("OCI runtime").contains(MISSING);
    }
}
