package org.sysnerd.dockerlabs.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.docker.Sweeper;
import org.sysnerd.dockerlabs.journal.Trace;
import org.sysnerd.dockerlabs.preflight.EarlyHost;
import org.sysnerd.dockerlabs.preflight.Finding;
import org.sysnerd.dockerlabs.preflight.LabBlocked;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.preflight.Observations;
import org.sysnerd.dockerlabs.preflight.Observer;
import org.sysnerd.dockerlabs.preflight.Preflight;
import org.sysnerd.dockerlabs.preflight.PreflightResult;
import org.sysnerd.dockerlabs.probe.ProbeChoice;
import org.sysnerd.dockerlabs.subject.LabMode;
import org.sysnerd.dockerlabs.subject.LearnerContainers;
import org.testcontainers.utility.TestcontainersConfiguration;
import org.sysnerd.dockerlabs.facts.TimeScale;

/** What one run of the suite learns once, before its first lab: the preflight's findings and the engine. */
final class LabSession {

    private static final Instant STARTED = Instant.now();
    /** Bounds the preflight, from its start: it pulls at most two images (3 minutes each), then reads the host. */
    private static final Duration PREFLIGHT_LIMIT = Duration.ofMinutes(8);
    /** Bounds the removal of this run's containers at exit: Ctrl-C must end a run within seconds. */
    private static final Duration CLEANUP_LIMIT = TimeScale.of(Duration.ofSeconds(6));

    private static volatile Observations observations;
    private static volatile CompletableFuture<Observations> dockerSide;
    private static volatile CompletableFuture<PreflightResult> pending;
    /** The host's side begun once the daemon answered (null until then, or when it never did). */
    private static volatile CompletableFuture<EarlyHost> earlyHost;
    /** The sweep of killed runs' leftovers, begun once the daemon answered (null when it never did). */
    private static volatile CompletableFuture<String> swept;
    private static volatile boolean labsOver;

    private LabSession() {
    }

    /**
     * Starts the preflight in the background, once: while JUnit still discovers the tests, when it sees a lab
     * among them, so that the connection to Docker is made by the time the first lab asks. The daemon's side
     * comes first (it decides whether containers can start); the host's side goes on while they start.
     */
    static synchronized void beginPreflight() {
        if (pending == null) {
            dockerSide = CompletableFuture.supplyAsync(LabSession::observeDocker, LabSession::inItsOwnThread);
            pending = dockerSide.thenApplyAsync(LabSession::observeHost, LabSession::inItsOwnThread);
        }
    }

    /** The preflight's steps run in threads of their own: the commands they run are no lab's evidence. */
    private static void inItsOwnThread(Runnable task) {
        Thread thread = new Thread(task, "docker-labs-preflight");
        thread.setDaemon(true);
        thread.start();
    }

    /** What may keep a lab's containers from starting: Docker, its engine, the images. */
    static PreflightResult containerGate() {
        beginPreflight();
        return Preflight.decide(await(dockerSide));
    }

    /** The whole preflight's result; later labs get the same result. */
    static PreflightResult preflight() {
        beginPreflight();
        return await(pending);
    }

    /** Waits for a step of the preflight, within PREFLIGHT_LIMIT of the preflight's start. */
    private static <T> T await(CompletableFuture<T> future) {
        Duration left = PREFLIGHT_LIMIT.minus(Duration.between(STARTED, Instant.now()));
        try {
            return future.get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // A new exception for each lab: JUnit adds a lab's later failures to the one it is given. The preflight
            // could not finish (e.g. the daemon went away under it): the labs were not checked, so they are blocked.
            throw new LabBlocked(Finding.blocking("preflight", "the preflight could not finish: " + e.getCause(),
                    "check that the daemon answers (docker info), then run the labs again", Need.values()));
        } catch (TimeoutException e) {
            throw new LabBlocked(Finding.blocking("preflight", "the preflight did not end within "
                    + PREFLIGHT_LIMIT.toMinutes() + " minutes (the Docker daemon or a registry answers too slowly)",
                    "check `docker info` and the images' pulls, then run the labs again", Need.values()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabBlocked(Finding.blocking("preflight", "interrupted while waiting for the preflight",
                    "run the labs again", Need.values()));
        }
    }

    private static Observations observeDocker() {
        ExitGuard.arm();
        if (!LabRun.current().keepsContainers()) {
            // Registered before the first container (the probe's helper may be one): an interrupted run cleans up too.
            Runtime.getRuntime().addShutdownHook(new Thread(LabSession::removeThisRun, "docker-labs-cleanup"));
        }
        Trace.mark("preflight docker side start");
        Observations docker = Observer.observeDocker(LabSession::daemonAnswered);
        Trace.mark("preflight docker side done");
        return docker;
    }

    /**
     * Once the daemon answers, while its side of the preflight goes on: the host's side begins (what of it needs no
     * engine: {@link Observer#observeHostEarly}), killed runs' leftovers are swept, and in the learner mode the
     * learner's containers are looked at (what goes wrong there is told to the labs that look, in LearnerSubject).
     */
    private static void daemonAnswered() {
        earlyHost = CompletableFuture.supplyAsync(() -> Observer.observeHostEarly(ProbeChoice::choose),
                LabSession::inItsOwnThread);
        swept = CompletableFuture.supplyAsync(LabSession::sweep, LabSession::inItsOwnThread);
        if (LabMode.currentOrSpec() == LabMode.LEARNER) {
            CompletableFuture.runAsync(LabSession::learnersContainers, LabSession::inItsOwnThread);
        }
    }

    private static void learnersContainers() {
        try {
            LearnerContainers.all();
        } catch (RuntimeException e) {
            // the first lab that looks asks again, and is told why
        }
    }

    private static PreflightResult observeHost(Observations docker) {
        // Killed runs' leftovers are swept while the host is looked at (begun once the daemon answered).
        CompletableFuture<String> swept = docker.dockerError() == null ? LabSession.swept : null;
        CompletableFuture<EarlyHost> early = earlyHost;
        observations = Observer.observeHost(docker, early == null ? null : await(early), Lab::use);
        List<Finding> findings = new ArrayList<>(Preflight.decide(observations).findings());
        if (swept != null) {
            findings.add(Finding.ok("leftovers", swept.join()));
            Trace.mark("preflight swept leftovers");
        }
        if (LabRun.current().keepsContainers()) {
            findings.add(Finding.ok("keep", TestcontainersConfiguration.getInstance().environmentSupportsReuse()
                    ? "containers are kept after the run: remove them with docker rm -f $(docker ps -aq --filter label="
                            + LabRun.RUN_LABEL + "=" + runId() + ")"
                    : "containers cannot be kept: Testcontainers removes them at exit unless TESTCONTAINERS_REUSE_ENABLE=true"));
        }
        Trace.mark("preflight done");
        return new PreflightResult(findings);
    }

    /** Removes what killed runs left behind, and makes sure this run's containers go even if it is interrupted. */
    private static String sweep() {
        List<String> removed = Sweeper.removeOrphans(Engine.client());
        return removed.isEmpty() ? "no containers of earlier runs" : "removed " + removed.size()
                + " containers of runs that were killed: " + String.join(", ", removed);
    }

    /**
     * The shutdown hook: removes this run's containers within {@link #CLEANUP_LIMIT}, with the kit's own client
     * (Testcontainers' client() may be locked by a thread pulling Ryuk's image, and would hold the JVM for minutes).
     */
    private static void removeThisRun() {
        if (Engine.dockerHost() == null) {
            return; // never connected: no container of this run exists
        }
        Trace.mark("exit clean-up start");
        try {
            // After the last lab, with no creation under way, no container of this run can appear after one look.
            Sweeper.removeRun(Engine.client(), runId(), CLEANUP_LIMIT, !labsOver || LabRun.current().creationsUnderWay());
        } catch (RuntimeException e) {
            System.err.println("docker-labs: could not remove this run's containers: " + e.getMessage());
        }
        Trace.mark("exit clean-up done");
    }

    /** Every lab of the run has ended (the report is being written): none starts a container any more. */
    static void labsOver() {
        labsOver = true;
    }

    /** The preflight's result, or an empty one when no lab ran. */
    static synchronized PreflightResult preflightIfRun() {
        return pending == null || !pending.isDone() || pending.isCompletedExceptionally()
                ? new PreflightResult(List.of()) : pending.join();
    }

    /** How the host was read, for the report: the probe the preflight chose, or none. */
    static String probe() {
        return observations == null ? "no probe (the preflight did not run)" : observations.probe();
    }

    /** Whose containers the labs looked at, for the report: {@code spec} or {@code learner}. */
    static String mode() {
        try {
            return LabMode.current().toString();
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }

    static Instant started() {
        return STARTED;
    }

    static String runId() {
        return LabRun.current().id();
    }

    /** The engine's facts for the report; empty when Docker was not reached. */
    static Map<String, Object> engineFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        EngineInfo engine = observations == null ? null : observations.engine();
        if (engine != null) {
            facts.put("summary", engine.summary());
            facts.put("version", String.valueOf(engine.serverVersion()));
            facts.put("operatingSystem", String.valueOf(engine.operatingSystem()));
            facts.put("storageDriver", String.valueOf(engine.storageDriver()));
            facts.put("containerdStore", engine.containerdStore());
            facts.put("cgroupVersion", String.valueOf(engine.cgroupVersion()));
            facts.put("cgroupDriver", String.valueOf(engine.cgroupDriver()));
            facts.put("firewallBackend", engine.firewallBackend().name().toLowerCase());
            facts.put("rootless", engine.rootless());
            facts.put("desktop", engine.desktop());
            facts.put("podman", observations.podman());
        }
        return facts;
    }
}
