package org.sysnerd.dockerlabs.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.TestAbortedException;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.assertions.NotChecked;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.junit.LabReportListener.Outcome;
import org.sysnerd.dockerlabs.preflight.Finding;
import org.sysnerd.dockerlabs.preflight.LabBlocked;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.docker.DaemonLost;
import org.sysnerd.dockerlabs.probe.Http;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.Lesson;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

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
    @DisplayName("a LabFailure's parts go to the report as they are: the lesson, of which the message is the text")
    void lab_failure_parts_are_the_lesson() {
        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, STILL_RUNNING)));

        assertThat(verdict.lesson()).isEqualTo(new Lesson(EXITS, "the container to have exited", "running, PID 1301",
                "docker ps -a --filter name=docker-labs-q5-gone-1"));
        assertThat(verdict.message()).isEqualTo(verdict.lesson().text());
    }

    @Test
    @DisplayName("a timeout on a LabFailure is a lesson too, its fact saying 'timeout'")
    void timeout_is_a_lesson() {
        Lesson lesson = Verdict.of(passed(LAB), List.of(failed(EXITS, timeout))).lesson();

        assertThat(lesson.fact()).startsWith(EXITS + ": timeout: ").contains(ALIAS);
        assertThat(lesson.seen()).isEqualTo("running, PID 1301");
    }

    @Test
    @DisplayName("a blocked lab, or a failure that is no LabFailure, has no lesson")
    void no_lesson_otherwise() {
        assertThat(Verdict.of(passed(LAB), List.of(failed(EXITS, new IllegalStateException("no such container")))).lesson())
                .isNull();
        assertThat(Verdict.of(failed(LAB, new HostFactUnavailable("no nat table")), List.of()).lesson()).isNull();
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
    @DisplayName("a fact the engine cannot show blocks the lab with the fix it names")
    void host_fact_unavailable_with_its_fix() {
        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, new HostFactUnavailable(
                "Podman's Docker-compatible API has no docker update", "see this one on Docker Engine"))));

        assertThat(verdict).isEqualTo(new Verdict(LabStatus.BLOCKED, EXITS + ": Podman's Docker-compatible API has no docker "
                + "update", "see this one on Docker Engine"));
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
    @DisplayName("a fact the learner's state cannot show (NotChecked) is listed as not checked; the lab is graded on the others")
    void not_checked_fact_leaves_the_lab_to_its_other_facts() {
        Outcome loopback = aborted(EXITS, new NotChecked("the rule matches only packets to 127.0.0.1/32"));

        assertThat(Verdict.of(passed(LAB), List.of(passed(STAYS_UP), loopback)).status()).isEqualTo(LabStatus.PASSED);
        assertThat(Verdict.of(null, List.of(loopback))).isEqualTo(new Verdict(LabStatus.NOT_CHECKED,
                "not checked on your own containers: the rule matches only packets to 127.0.0.1/32", null));
        assertThat(Verdict.of(passed(LAB), List.of(failed(STAYS_UP, STILL_RUNNING), loopback)).status())
                .isEqualTo(LabStatus.FAILED);
    }

    @Test
    @DisplayName("a lab none of whose facts could be checked is blocked, never passed")
    void only_not_checked_facts_blocked() {
        Verdict verdict = Verdict.of(passed(LAB), List.of(aborted(EXITS, new NotChecked("127.0.0.1 only"))));

        assertThat(verdict.status()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).startsWith("no fact of this lab was checked: not checked on your own containers");
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

    /** The daemon's answer to a container start on a dockerd whose default runtime fails (recorded, Docker 20.10). */
    private static final String OCI_ERROR = "failed to create shim task: OCI runtime create failed: unable to retrieve OCI "
            + "runtime error (open /tmp/i12d/exec/containerd/daemon/io.containerd.runtime.v2.task/moby/a171/log.json: no such "
            + "file or directory): /tmp/i12-broken-runtime.sh did not terminate successfully: exit status 1: unknown";

    /** Testcontainers' exceptions for a start the daemon refused, nested as GenericContainer nests them. */
    private static ContainerLaunchException launchRefused(String image, DockerException daemon) {
        return new ContainerLaunchException("Container startup failed for image " + image,
                new ContainerLaunchException("Could not create/start container", daemon));
    }

    @Test
    @DisplayName("a request refused by the host (a real ConnectException) fails the lab with a hint from it, not 'daemon lost'")
    void refused_request_failed_with_its_hint() throws IOException {
        URI uri = URI.create("http://127.0.0.1:" + closedPort() + "/");
        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, Http.failure(uri, refusedConnection(uri)))));

        assertThat(verdict.status()).isEqualTo(LabStatus.FAILED);
        assertThat(verdict.message()).contains("\nSeen: connection refused", "\nSee it yourself: curl -sv --noproxy '*' " + uri);
        assertThat(verdict.hint()).contains("the rewritten connection was refused", "listening on the container's port");
    }

    @Test
    @DisplayName("a bare ConnectException (not the Docker client's) fails the lab: only the Docker client's errors mean 'daemon lost'")
    void bare_connect_exception_failed() throws IOException {
        URI uri = URI.create("http://127.0.0.1:" + closedPort() + "/");
        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, new AssertionError("GET failed", refusedConnection(uri)))));

        assertThat(verdict.status()).isEqualTo(LabStatus.FAILED);
    }

    @Test
    @DisplayName("the Docker client's own network error (a real one: no daemon at its socket) blocks the lab: the daemon was lost")
    void docker_client_error_blocked_as_lost_daemon() {
        DockerClient client = DockerClientProviderStrategy.getClientForConfig(TransportConfig.builder()
                .dockerHost(URI.create("unix:///tmp/docker-labs-verdict-test-" + ProcessHandle.current().pid() + ".sock")).build());
        Throwable lost = catchThrowable(() -> client.pingCmd().exec());

        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, lost)));

        assertThat(verdict.status()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).startsWith(EXITS + ": the Docker daemon stopped answering during the lab (");
        assertThat(verdict.hint()).contains("docker info");
    }

    @Test
    @DisplayName("the kit's read of the daemon's JSON cut short (DaemonLost, as DaemonJson throws it) blocks the"
            + " lab as a lost daemon, as docker-java's typed answers did")
    void daemon_json_cut_short_blocked_as_lost_daemon() {
        DaemonLost cut = new DaemonLost("GET /containers/x/json from the Docker daemon: Connection reset",
                new IOException("Connection reset by peer"));

        Verdict verdict = Verdict.of(passed(LAB), List.of(failed(EXITS, cut)));

        assertThat(verdict.status()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).startsWith(EXITS + ": the Docker daemon stopped answering during the lab (");
    }

    @Test
    @DisplayName("a container the daemon refused to start (OCI runtime error) blocks the lab, quoting the daemon and the fix")
    void container_refused_by_the_daemon_blocked() {
        Throwable refused = launchRefused("docker-labs-standin/alpine:busybox",
                new BadRequestException("Status 400: {\"message\":\"" + OCI_ERROR + "\"}\n"));

        Verdict verdict = Verdict.of(failed(LAB, refused), List.of());

        assertThat(verdict).isEqualTo(new Verdict(LabStatus.BLOCKED, LAB + ": the Docker daemon could not start the container "
                + "(docker-labs-standin/alpine:busybox): " + OCI_ERROR, verdict.hint()));
        assertThat(verdict.hint()).contains("`docker run --rm docker-labs-standin/alpine:busybox` shows the same error",
                "runc --version", "journalctl -u docker");
    }

    @Test
    @DisplayName("a shared container whose start the daemon refused blocks the other labs that look at it too")
    void shared_container_refused_blocked() {
        Throwable again = new IllegalStateException("container docker-labs-shared-web-1 did not start: Container startup failed",
                launchRefused("nginx:1.27.4", new InternalServerErrorException("Status 500: {\"message\":\"driver failed "
                        + "programming external connectivity\"}")));

        Verdict verdict = Verdict.of(failed(LAB, again), List.of());

        assertThat(verdict.status()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).endsWith("(nginx:1.27.4): driver failed programming external connectivity");
        assertThat(verdict.hint()).startsWith("the daemon refuses this container");
    }

    @Test
    @DisplayName("a lab container that started and then stopped blocks the lab: its image or runtime, not a fact it teaches")
    void container_that_exited_blocked() {
        Throwable exited = new ContainerLaunchException("Container startup failed for image nginx:1.27.4",
                new IllegalStateException("Container did not start correctly."));

        Verdict verdict = Verdict.of(failed(LAB, exited), List.of());
        assertThat(verdict.status()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).isEqualTo(LAB + ": the Docker daemon did not run the container (nginx:1.27.4): "
                + "Container did not start correctly.");
    }

    @Test
    @DisplayName("a failed fact wins over a blocked one: the learner's lesson is not hidden by what could not be checked")
    void failed_wins_over_blocked() {
        Verdict verdict = Verdict.of(passed(LAB), List.of(
                failed(STAYS_UP, new HostFactUnavailable("no docker update here", "see it on Docker Engine")),
                failed(EXITS, new LabFailure("exit code 0", "exited (exit code 1)", null, "docker ps -a"))));

        assertThat(verdict.status()).isEqualTo(LabStatus.FAILED);
        assertThat(verdict.message()).startsWith(EXITS + "\nExpected: exit code 0");
    }

    @Test
    @DisplayName("an image the daemon could not get during the run blocks the lab")
    void image_not_fetched_blocked() {
        Throwable fetch = new ContainerFetchException("Can't get Docker image: nginx:1.27.4",
                new InternalServerErrorException("Status 500: {\"message\":\"toomanyrequests\"}"));

        Verdict verdict = Verdict.of(failed(LAB, fetch), List.of());

        assertThat(verdict.status()).isEqualTo(LabStatus.BLOCKED);
        assertThat(verdict.message()).contains("Can't get Docker image: nginx:1.27.4");
        assertThat(verdict.hint()).contains("scripts/build-standin-images.sh");
    }

    /** A port of this machine nothing listens on: one that was bound a moment ago and closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** What connecting to a closed port throws, for real. */
    private static ConnectException refusedConnection(URI uri) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            throw new IllegalStateException("something listens at " + uri);
        } catch (ConnectException refused) {
            return refused;
        }
    }
}
