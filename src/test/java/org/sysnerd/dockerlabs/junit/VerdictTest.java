package org.sysnerd.dockerlabs.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.TestAbortedException;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.junit.LabReportListener.Outcome;
import org.sysnerd.dockerlabs.preflight.Finding;
import org.sysnerd.dockerlabs.preflight.LabBlocked;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.HostFactUnavailable;
import org.sysnerd.dockerlabs.report.LabStatus;

@DisplayName("A lab's verdict keeps failed (a fact did not hold) apart from blocked (not checked), which is never a pass")
class VerdictTest {

    private static final String LAB = "Q5 · Break-and-fix: the instant exit";
    private static final String EXITS = "alpine with no command exits at once, with exit code 0";
    private static final String STAYS_UP = "alpine sleep 1000 stays up, with sleep as its PID 1";
    private static final String ALIAS = "container docker-labs-q5-gone-1 (docker run alpine) to exit";
    private static final LabFailure STILL_RUNNING = new LabFailure("the container to have exited", "running, PID 1301",
            "the container is still running: its command never ended", "docker ps -a --filter name=docker-labs-q5-gone-1");

    /** What Awaitility throws when untilAsserted times out on a LabFailure: the real thing, not a hand-made copy. */
    private static ConditionTimeoutException timeout;

    @BeforeAll
    static void timeOutOnALabFailure() {
        timeout = (ConditionTimeoutException) catchThrowable(() -> await(ALIAS).pollInSameThread().atMost(Duration.ofMillis(100))
                .pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                    throw STILL_RUNNING;
                }));
    }

    private static Outcome passed(String name) {
        return new Outcome(name, TestExecutionResult.successful());
    }

    private static Outcome failed(String name, Throwable thrown) {
        return new Outcome(name, TestExecutionResult.failed(thrown));
    }

    private static Outcome aborted(String name, Throwable thrown) {
        return new Outcome(name, TestExecutionResult.aborted(thrown));
    }

    @Test
    @DisplayName("a lab whose class and tests all succeeded passed, with no message")
    void all_successful_passed() {
        assertThat(Verdict.of(passed(LAB), List.of(passed(EXITS), passed(STAYS_UP))))
                .isEqualTo(new Verdict(LabStatus.PASSED, null, null));
    }

    @Test
    @DisplayName("a LabFailure fails the lab, with the fact, expected, seen and the command in the message")
    void lab_failure_failed_with_expected_seen_command() {
        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, STILL_RUNNING), passed(STAYS_UP)));

        assertThat(verdict.status()).isEqualTo(LabStatus.FAILED);
        assertThat(verdict.message()).isEqualTo(EXITS + "\nExpected: the container to have exited\nSeen: running, PID 1301"
                + "\nSee it yourself: docker ps -a --filter name=docker-labs-q5-gone-1");
    }

    @Test
    @DisplayName("a LabFailure's why is the hint")
    void lab_failure_why_is_the_hint() {
        assertThat(Verdict.of(passed(LAB), List.of(failed(EXITS, STILL_RUNNING))).hint()).isEqualTo(STILL_RUNNING.why());
    }

    @Test
    @DisplayName("Awaitility's timeout on a LabFailure carries the LabFailure as its cause")
    void awaitility_timeout_carries_the_lab_failure() {
        assertThat(timeout).hasCause(STILL_RUNNING);
    }

    @Test
    @DisplayName("a timeout on a LabFailure fails the lab, saying 'timeout' and the alias, without Awaitility's ' because'")
    void timeout_failed_with_alias() {
        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, timeout)));

        assertThat(verdict.status()).isEqualTo(LabStatus.FAILED);
        assertThat(verdict.message()).contains(EXITS + ": timeout: ", ALIAS, "\nSeen: running, PID 1301")
                .doesNotContain(" because");
    }

    @Test
    @DisplayName("a timeout on a LabFailure keeps the LabFailure's why as the hint")
    void timeout_keeps_the_why() {
        assertThat(Verdict.of(passed(LAB), List.of(failed(EXITS, timeout))).hint()).isEqualTo(STILL_RUNNING.why());
    }

    @Test
    @DisplayName("any other exception fails the lab, naming its type")
    void other_exception_failed() {
        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, new IllegalStateException("no such container"))));

        assertThat(verdict).isEqualTo(new Verdict(LabStatus.FAILED, EXITS + ": IllegalStateException: no such container",
                null));
    }

    @Test
    @DisplayName("a LabBlocked on the lab class blocks it, with the finding as the message and its fix as the hint")
    void lab_blocked_on_the_class_blocked_with_fix() {
        Finding rootless = Finding.blocking("engine", "rootless Docker: docker0 lives in RootlessKit's namespace\n",
                "run the labs against a rootful Docker", Need.BRIDGE, Need.NAT_TABLE);

        assertThat(Verdict.of(failed(LAB, new LabBlocked(rootless)), List.of())).isEqualTo(new Verdict(LabStatus.BLOCKED,
                "rootless Docker: docker0 lives in RootlessKit's namespace", "run the labs against a rootful Docker"));
    }

    @Test
    @DisplayName("a host fact that could not be read blocks the lab, naming the fact's test")
    void host_fact_unavailable_blocked() {
        Verdict verdict = Verdict.of(passed(LAB), List.of(passed(STAYS_UP),
                failed(EXITS, new HostFactUnavailable("cannot read /proc/1301/ns/net: Permission denied"))));

        assertThat(verdict.status()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).isEqualTo(EXITS + ": cannot read /proc/1301/ns/net: Permission denied");
    }

    @Test
    @DisplayName("a host fact that could not be read blocks the lab even when wrapped in another exception")
    void wrapped_host_fact_unavailable_blocked() {
        Throwable wrapped = new IllegalStateException("probe failed", new HostFactUnavailable("nft: command not found"));

        assertThat(Verdict.of(passed(LAB), List.of(failed(EXITS, wrapped))).status()).isEqualTo(LabStatus.BLOCKED);
    }

    @Test
    @DisplayName("an aborted test blocks the lab, even when the others passed: never a pass")
    void aborted_test_blocked() {
        Verdict verdict = Verdict.of(passed(LAB), List.of(passed(STAYS_UP),
                aborted(EXITS, new TestAbortedException("Assumption failed: the daemon is local"))));

        assertThat(verdict.status()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).isEqualTo(EXITS + ": not checked: Assumption failed: the daemon is local");
    }

    @Test
    @DisplayName("an aborted lab class blocks the lab")
    void aborted_class_blocked() {
        assertThat(Verdict.of(aborted(LAB, new TestAbortedException("not on this host")), List.of()).status())
                .isEqualTo(LabStatus.BLOCKED);
    }

    @Test
    @DisplayName("a lab with no tests is blocked: nothing was checked")
    void no_tests_blocked() {
        assertThat(Verdict.of(passed(LAB), List.of()))
                .isEqualTo(new Verdict(LabStatus.BLOCKED, "no fact of this lab was checked", null));
    }

    @Test
    @DisplayName("a daemon whose forwarded socket resets mid-run blocks the lab: it was not checked")
    void reset_connection_blocked() {
        Throwable reset = new IllegalStateException("exec failed",
                new RuntimeException(new java.net.SocketException("Connection reset")));

        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, reset)));
        assertThat(verdict.status()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).contains("the Docker daemon stopped answering during the lab (Connection reset)");
        assertThat(Verdict.of(passed(LAB), List.of(failed(EXITS, new RuntimeException(new java.io.IOException("Broken pipe"))))).status())
                .isEqualTo(LabStatus.BLOCKED);
    }

    @Test
    @DisplayName("a lab's own request refused is a fact that did not hold, not a lost daemon")
    void refused_request_failed() {
        Throwable refused = new AssertionError("GET http://172.17.0.1:32768/ failed for 5 s",
                new java.net.ConnectException("Connection refused"));

        assertThat(Verdict.of(passed(LAB), List.of(failed(EXITS, refused))).status()).isEqualTo(LabStatus.FAILED);
    }
}
