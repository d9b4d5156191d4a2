package org.sysnerd.dockerlabs.junit;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.docker.Sweeper;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.TimeScale;
import org.sysnerd.dockerlabs.journal.Trace;
import org.sysnerd.dockerlabs.preflight.Finding;
import org.sysnerd.dockerlabs.preflight.LabBlocked;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.Host;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.probe.ProbeChoice;
import org.sysnerd.dockerlabs.subject.LabMode;
import org.sysnerd.dockerlabs.subject.LearnerContainers;
import org.sysnerd.dockerlabs.settings.Setting;
import org.sysnerd.dockerlabs.subject.Subjects;

/**
 * One run of the labs: its id, mode, preflight and host facts, made once per JUnit execution in the root store (as
 * JUnit's {@code HttpServerExtension} makes its server) and closed by JUnit when the run ends.
 */
final class KitRun implements AutoCloseable {

    /** Bounds the removal of this run's containers: Ctrl-C must end a run within seconds. */
    private static final Duration CLEANUP_LIMIT = TimeScale.of(Duration.ofSeconds(6));

    private final ExtensionContext root;
    private final LabRun run = new LabRun();
    private final Optional<LabMode> mode;
    private final String modeProblem;
    /** A run's own daemon (a grader runs many VMs in one JVM); without it, DOCKER_HOST as before. */
    static final String DOCKER_HOST = "labs.docker.host";

    private final Engine engine;
    private final LearnerContainers learners;
    private final LabSession session;
    // The labs' own containers may still be in the making when Ctrl-C comes; in the learner mode only a counted helper's.
    private final Thread ctrlC = new Thread(() -> removeThisRun(startsLabContainers() || run.creationsUnderWay()),
            "docker-labs-cleanup");
    private volatile HostFacts host;
    private Subjects subjects;

    private KitRun(ExtensionContext root) {
        this.root = root;
        URI address = root.getConfigurationParameter(DOCKER_HOST).filter(v -> !v.isBlank()).map(URI::create).orElse(null);
        // A watch's runs keep one probe (and its helper container) and the engine's facts for the launcher session's
        // life: labs.probe.keep=session.
        KeptProbe kept = root.getConfigurationParameter(KeptProbe.PARAMETER).filter("session"::equals).isPresent()
                ? root.getStore(StoreScope.LAUNCHER_SESSION, Namespace.create(KeptProbe.class, String.valueOf(address)))
                        .computeIfAbsent(KeptProbe.class, key -> new KeptProbe(address), KeptProbe.class) : null;
        this.engine = kept != null ? new Engine(address, kept::info) : new Engine(address);
        this.learners = new LearnerContainers(engine);
        LabMode decided = null;
        String problem = null;
        try {
            // The run's own parameter first (a launcher may run several, each in its mode), then -D / LABS_MODE.
            decided = LabMode.of(root.getConfigurationParameter(Setting.MODE.property()).filter(v -> !v.isBlank())
                    .orElseGet(Setting.MODE::value));
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        this.mode = Optional.ofNullable(decided);
        this.modeProblem = problem;
        ProbeChoice probes = kept != null ? kept.choice() : new ProbeChoice(run, engine);
        this.session = new LabSession(run, engine, mode.orElse(LabMode.SPEC), learners, probes, this::use);
        // Once per launcher session: a watch runs the labs again and again in one session, and must not add a hook each time.
        root.getStore(StoreScope.LAUNCHER_SESSION, Namespace.GLOBAL).computeIfAbsent(ExitGuard.class, key -> ExitGuard.arm(),
                ExitGuard.class);
        if (!run.keepsContainers()) {
            // Registered before the first container (the probe's helper may be one): an interrupted run cleans up too.
            Runtime.getRuntime().addShutdownHook(ctrlC);
        }
    }

    /** The run this test belongs to: made by the first that asks, in JUnit's root store. */
    static KitRun of(ExtensionContext context) {
        return context.getRoot().getStore(Namespace.GLOBAL)
                .computeIfAbsent(KitRun.class, key -> new KitRun(context.getRoot()), KitRun.class);
    }

    /** The run's preflight. */
    LabSession session() {
        return session;
    }

    /** The page's containers as this run's labs look at them (made when a lab first asks, in a valid mode). */
    synchronized Subjects subjects() {
        if (subjects == null) {
            subjects = new Subjects(validMode(), run, engine, learners);
        }
        return subjects;
    }

    /** The run's client of the daemon, and what it says of the engine. */
    Engine engine() {
        return engine;
    }

    /** The run's id and the names and labels of its containers. */
    LabRun run() {
        return run;
    }

    /** The run's mode, decided once; empty when the setting names none. */
    Optional<LabMode> mode() {
        return mode;
    }

    /** True when the run starts containers of the suite's own (the spec mode); false too when the mode is invalid. */
    boolean startsLabContainers() {
        return mode.map(LabMode::startsLabContainers).orElse(false);
    }

    /** The run's mode; a setting that names none blocks every lab, with the fix. */
    LabMode validMode() {
        return mode.orElseThrow(() -> new LabBlocked(Finding.blocking("mode", modeProblem,
                "set -Dlabs.mode=spec or -Dlabs.mode=learner", Need.values())));
    }

    /** The host the daemon runs on, read with the probe the preflight chose for this run. */
    HostFacts host() {
        if (host == null) {
            throw new HostFactUnavailable("the preflight chose no way to read the daemon's host (see its findings)");
        }
        return host;
    }

    private HostFacts use(Host probe) {
        host = new HostFacts(probe);
        return host;
    }

    /**
     * Hands the run's facts to the report, removes what is left of its containers and drops the Ctrl-C hook, then
     * closes the run's clients of the daemon (a watch makes a run per check, for hours).
     */
    @Override
    public void close() {
        root.publishReportEntry(Map.of(Lab.KIND, Lab.RUN, "json", RunFacts.of(this).toJson()));
        if (!run.keepsContainers()) {
            Runtime.getRuntime().removeShutdownHook(ctrlC);
            removeThisRun(run.creationsUnderWay());
        }
        engine.close();
    }

    /**
     * Removes this run's containers within {@link #CLEANUP_LIMIT}, with the kit's own client (Testcontainers' client()
     * may be locked by a thread pulling Ryuk's image); after Ctrl-C it looks again, since creations may be under way.
     */
    private void removeThisRun(boolean creationsMayFollow) {
        if (engine.dockerHost() == null) {
            return; // never connected: no container of this run exists
        }
        Trace.mark("run clean-up start");
        try {
            Sweeper.removeRun(engine.client(), run.id(), CLEANUP_LIMIT, creationsMayFollow);
        } catch (RuntimeException e) {
            System.err.println("docker-labs: could not remove this run's containers: " + e.getMessage());
        }
        Trace.mark("run clean-up done");
    }
}
