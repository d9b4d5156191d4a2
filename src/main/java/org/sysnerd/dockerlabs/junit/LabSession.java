package org.sysnerd.dockerlabs.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.sysnerd.dockerlabs.docker.Engine;
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
import org.sysnerd.dockerlabs.probe.Host;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.probe.ProbeChoice;
import org.sysnerd.dockerlabs.subject.LabMode;
import org.sysnerd.dockerlabs.subject.LearnerContainers;
import org.testcontainers.utility.TestcontainersConfiguration;

/** What one run of the suite learns once, before its first lab: the preflight's findings and the engine; its {@link KitRun} holds it. */
final class LabSession {

    /** Bounds the preflight, from its start: it pulls at most two images (3 minutes each), then reads the host. */
    private static final Duration PREFLIGHT_LIMIT = Duration.ofMinutes(8);

    private final Instant started = Instant.now();
    private final LabRun run;
    /** The run's client of the daemon. */
    private final Engine engine;
    private final LabMode mode;
    /** Where the chosen probe goes: the run keeps its host facts for the labs. */
    private final Function<Host, HostFacts> use;
    /** The learner's containers, looked at once for the run. */
    private final LearnerContainers learners;
    /** How the run reads the daemon's host, chosen once. */
    private final ProbeChoice probes;
    private volatile Observations observations;
    private CompletableFuture<Observations> dockerSide;
    private CompletableFuture<PreflightResult> pending;
    /** The host's side begun once the daemon answered (null until then, or when it never did). */
    private volatile CompletableFuture<EarlyHost> earlyHost;
    /** The sweep of killed runs' leftovers, begun once the daemon answered (null when it never did). */
    private volatile CompletableFuture<String> swept;

    LabSession(LabRun run, Engine engine, LabMode mode, LearnerContainers learners, ProbeChoice probes,
               Function<Host, HostFacts> use) {
        this.run = run;
        this.engine = engine;
        this.mode = mode;
        this.learners = learners;
        this.use = use;
        this.probes = probes;
    }

    /**
     * Starts the preflight in the background, once, when the first lab (or test that needs Docker) asks. The daemon's
     * side comes first (it decides whether containers can start); the host's side goes on while they start.
     */
    synchronized void beginPreflight() {
        if (pending == null) {
            dockerSide = CompletableFuture.supplyAsync(this::observeDocker, LabSession::inItsOwnThread);
            pending = dockerSide.thenApplyAsync(this::observeHost, LabSession::inItsOwnThread);
        }
    }

    /** The preflight's steps run in threads of their own: the commands they run are no lab's evidence. */
    private static void inItsOwnThread(Runnable task) {
        Thread thread = new Thread(task, "docker-labs-preflight");
        thread.setDaemon(true);
        thread.start();
    }

    /** What may keep a lab's containers from starting: Docker, its engine, the images. */
    PreflightResult containerGate() {
        beginPreflight();
        return Preflight.decide(await(dockerSide));
    }

    /** The whole preflight's result; later labs get the same result. */
    PreflightResult preflight() {
        beginPreflight();
        return await(pending);
    }

    /** Waits for a step of the preflight, within PREFLIGHT_LIMIT of the preflight's start. */
    private <T> T await(CompletableFuture<T> future) {
        Duration left = PREFLIGHT_LIMIT.minus(Duration.between(started, Instant.now()));
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

    private Observations observeDocker() {
        Trace.mark("preflight docker side start");
        Observations docker = Observer.observeDocker(engine, mode, probes, this::daemonAnswered);
        Trace.mark("preflight docker side done");
        return docker;
    }

    /**
     * Once the daemon answers, while its side of the preflight goes on: the host's side begins (what of it needs no
     * engine: {@link Observer#observeHostEarly}), killed runs' leftovers are swept, and in the learner mode the
     * learner's containers are looked at (what goes wrong there is told to the labs that look, in LearnerSubject).
     */
    private void daemonAnswered() {
        earlyHost = CompletableFuture.supplyAsync(() -> Observer.observeHostEarly(probes),
                LabSession::inItsOwnThread);
        swept = CompletableFuture.supplyAsync(this::sweep, LabSession::inItsOwnThread);
        if (mode == LabMode.LEARNER) {
            CompletableFuture.runAsync(this::learnersContainers, LabSession::inItsOwnThread);
        }
    }

    private void learnersContainers() {
        try {
            learners.all();
        } catch (RuntimeException e) {
            // the first lab that looks asks again, and is told why
        }
    }

    private PreflightResult observeHost(Observations docker) {
        // Killed runs' leftovers are swept while the host is looked at (begun once the daemon answered).
        CompletableFuture<String> swept = docker.dockerError() == null ? this.swept : null;
        CompletableFuture<EarlyHost> early = earlyHost;
        observations = Observer.observeHost(docker, early == null ? null : await(early), probes, use);
        List<Finding> findings = new ArrayList<>(Preflight.decide(observations).findings());
        if (swept != null) {
            findings.add(Finding.ok("leftovers", swept.join()));
            Trace.mark("preflight swept leftovers");
        }
        if (run.keepsContainers()) {
            findings.add(Finding.ok("keep", TestcontainersConfiguration.getInstance().environmentSupportsReuse()
                    ? "containers are kept after the run: remove them with docker rm -f $(docker ps -aq --filter label="
                            + LabRun.RUN_LABEL + "=" + run.id() + ")"
                    : "containers cannot be kept: Testcontainers removes them at exit unless TESTCONTAINERS_REUSE_ENABLE=true"));
        }
        Trace.mark("preflight done");
        return new PreflightResult(findings);
    }

    /** Removes what killed runs left behind, and makes sure this run's containers go even if it is interrupted. */
    private String sweep() {
        List<String> removed = Sweeper.removeOrphans(engine.client());
        return removed.isEmpty() ? "no containers of earlier runs" : "removed " + removed.size()
                + " containers of runs that were killed: " + String.join(", ", removed);
    }

    /** The preflight's result, or an empty one when it did not finish. */
    synchronized PreflightResult preflightIfRun() {
        return pending == null || !pending.isDone() || pending.isCompletedExceptionally()
                ? new PreflightResult(List.of()) : pending.join();
    }

    /** What the preflight saw, or null before it finished (or when it did not run). */
    Observations observations() {
        return observations;
    }

    /** When the run began. */
    Instant started() {
        return started;
    }
}
