package org.sysnerd.dockerlabs.docker;

import java.time.Duration;
import java.util.Map;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.journal.Trace;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.sysnerd.dockerlabs.facts.TimeScale;

/**
 * A container the suite starts: uniquely named, labelled with the suite, the run and its owner process,
 * and removed by the suite (Testcontainers' reaper may be off). The labs look at it as a
 * {@link org.sysnerd.dockerlabs.subject.Subject}, like a learner's own container.
 */
public class LabContainer<SELF extends LabContainer<SELF>> extends GenericContainer<SELF> {

    /** How long a lab container may take to start: seconds, not Testcontainers' default minutes. */
    public static final Duration START_LIMIT = TimeScale.of(Duration.ofSeconds(30));
    /** How long its removal may take. */
    public static final Duration STOP_LIMIT = TimeScale.of(Duration.ofSeconds(30));
    /** What the start's own calls (create, start, inspect) may add to its running check. */
    private static final Duration CALL_MARGIN = Duration.ofSeconds(15);

    private final LabRun run;
    private final String name;
    private boolean shared;
    /**
     * Held across the start, so that labs asking at once start it once; not this object's monitor, which the removal
     * takes, and Testcontainers removes a container whose start failed from within that start.
     */
    private final Object starting = new Object();
    /** The labs looking at this shared container now; guarded by this. */
    private int holders;
    /** Why its start failed, for the other labs that look at it; guarded by this. */
    private RuntimeException startFailure;
    /**
     * True once its start returned; guarded by this. Not its container id: a start given up on at its limit goes on
     * in its thread, which sets the id and may clear it again, and a lab that came later must not take it as started.
     */
    private boolean started;

    protected LabContainer(LabRun run, LabImage image, String lab, String role) {
        super(image.upstream());
        this.run = run;
        this.name = run.containerName(lab, role);
        Map<String, String> labels = run.labels(lab);
        withLabels(labels);
        withCreateContainerCmdModifier(cmd -> cmd.withName(name));
        // Testcontainers' reaper spares only reusable containers (and only with TESTCONTAINERS_REUSE_ENABLE=true);
        // the unique name and run label keep a kept container from ever being reused by another run.
        withReuse(run.keepsContainers());
        withStartupTimeout(START_LIMIT);
        withStartupCheckStrategy(RunningCheck.within(START_LIMIT));
    }

    /** Shares the container among labs: it is removed when the last lab looking at it ends. */
    protected SELF sharedAmongLabs() {
        shared = true;
        return self();
    }

    /** True when several labs look at this container. */
    public boolean shared() {
        return shared;
    }

    /** A lab begins to look at this shared container (it starts it, or finds it started). */
    public synchronized void hold() {
        holders++;
    }

    /**
     * A lab is done with this shared container: it is removed once no lab looks at it. A lab that holds it
     * later starts it afresh, even one whose start failed (a run with labs one after another, not at once).
     */
    public synchronized void release(Journal journal) {
        if (--holders == 0) {
            stop(journal);
            startFailure = null;
        }
    }

    /** Starts the container once, however many labs ask at the same time; a failed start fails them all. */
    @Override
    public void start() {
        synchronized (starting) {
            if (startedAlready()) {
                return;
            }
            try {
                // Testcontainers' own calls have no limit of their own: a daemon that hangs blocks the lab instead.
                Bounded.call("docker run " + name, START_LIMIT.plus(CALL_MARGIN), "the daemon did not answer, or the "
                        + "container never ran with its ports published", "look at it: docker ps -a --filter name=" + name
                        + "; docker logs " + name + " (a daemon without a default bridge, --bridge=none, publishes no port)",
                        () -> run.creating(() -> {
                            super.start();
                            return null;
                        }));
                synchronized (this) {
                    started = true;
                }
                Trace.mark("container " + name + " started");
            } catch (RuntimeException e) {
                synchronized (this) {
                    startFailure = e;
                }
                throw e;
            }
        }
    }

    /** True when an earlier start succeeded; throws its failure when it failed. */
    private synchronized boolean startedAlready() {
        if (startFailure != null) {
            throw new IllegalStateException("container " + name + " did not start: " + startFailure.getMessage(), startFailure);
        }
        return started;
    }

    /** The container's unique name, e.g. {@code docker-labs-q1-web-1a2b3c-1}. */
    public String name() {
        return name;
    }

    /** Removes the container, as Testcontainers asks, recording it nowhere. */
    @Override
    public void stop() {
        stop(Journal.NONE);
    }

    /** Removes the container at the end of its lab, unless the run keeps containers for replaying by hand. */
    public void stop(Journal journal) {
        if (!run.keepsContainers()) {
            remove(journal);
        }
    }

    /** Removes the container now ({@code docker rm -f}), as a lab step; once removed, it is not removed again. */
    public synchronized void remove(Journal journal) {
        if (getContainerId() == null && startFailure == null) {
            return;
        }
        journal.record("docker rm -f " + name, "");
        // Its start failure stays (cleared only when the last lab lets go of it): Testcontainers removes a failed start's
        // container from the start's own thread, which may be later than the bounded start gave up on it.
        started = false;
        Bounded.run("docker rm -f " + name, STOP_LIMIT, super::stop);
        Trace.mark("container " + name + " removed");
    }

    /** Starts without waiting for anything but the start itself: the lab observes what happens next. */
    public SELF startedAsIs() {
        withStartupCheckStrategy(RunningCheck.asIs());
        return notWaitingForItsService();
    }

    /**
     * Counts as started once it runs, without Testcontainers' wait for its ports (which execs into the
     * container): whether its service answers is the lab's to check.
     */
    protected SELF notWaitingForItsService() {
        waitingFor(new AbstractWaitStrategy() {
            @Override
            protected void waitUntilReady() {
            }
        });
        return self();
    }
}
