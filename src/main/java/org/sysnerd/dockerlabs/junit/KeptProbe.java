package org.sysnerd.dockerlabs.junit;

import java.net.URI;
import java.time.Duration;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.docker.Sweeper;
import org.sysnerd.dockerlabs.facts.TimeScale;
import org.sysnerd.dockerlabs.probe.ProbeChoice;

/**
 * The probe a launcher session keeps for all its runs when they ask for it ({@code labs.probe.keep=session}: the
 * watch, which checks the labs again and again): its helper container, where one is needed, is started once, with
 * labels of its own, and removed when the session closes or, on Ctrl-C, by its own hook (a killed JVM's is removed by
 * the next run's sweep of orphans). With it the engine's facts ({@code docker info}, among the daemon's costliest
 * answers), read once: they change only when the daemon restarts, and the watch then opens a new session. One per
 * daemon address. Closed by JUnit with the session's store.
 */
final class KeptProbe implements AutoCloseable {

    /** The runs' configuration parameter that asks for it. */
    static final String PARAMETER = "labs.probe.keep";
    private static final Duration CLEANUP_LIMIT = TimeScale.of(Duration.ofSeconds(6));

    private final LabRun run = new LabRun();
    /** The session's own client of the runs' daemon, which outlives each run's (closed with its run). */
    private final Engine engine;
    private final ProbeChoice choice;
    private final Thread ctrlC = new Thread(this::removeHelper, "docker-labs-kept-probe-cleanup");

    /** A probe kept for the runs of the daemon at {@code address} (their {@code labs.docker.host}; null: as a run finds it). */
    KeptProbe(URI address) {
        this.engine = new Engine(address);
        this.choice = ProbeChoice.kept(run, engine);
        Runtime.getRuntime().addShutdownHook(ctrlC);
    }

    /** The engine's facts, read once for the session's runs. */
    EngineInfo info() {
        return engine.info();
    }

    /** The session's choice of probe, made once and kept while its helper lives. */
    ProbeChoice choice() {
        return choice;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(ctrlC);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook removes it
        }
        removeHelper();
        engine.close();
    }

    private void removeHelper() {
        if (engine.dockerHost() == null) {
            return;
        }
        try {
            Sweeper.removeRun(engine.client(), run.id(), CLEANUP_LIMIT, false);
        } catch (RuntimeException e) {
            System.err.println("docker-labs: could not remove the kept probe's helper: " + e.getMessage());
        }
    }
}
