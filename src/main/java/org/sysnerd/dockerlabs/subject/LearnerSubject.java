package org.sysnerd.dockerlabs.subject;

import org.sysnerd.dockerlabs.settings.Setting;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.journal.Journal;

/**
 * A container the learner made by hand, found by its name or its published port and graded as it is:
 * looked at ({@code docker inspect}, {@code docker exec} of read-only commands), never changed.
 */
public final class LearnerSubject extends Subject {

    private final Wanted wanted;
    /** The daemon's containers as the run saw them. */
    private final LearnerContainers learners;
    /** The container once found, shared by the views of each lab: they grade the same one. */
    private final Found lookup;

    /** The learner's container once found; guarded by itself. */
    private static final class Found {
        private volatile InspectedContainer container;
    }

    LearnerSubject(Engine engine, Wanted wanted, LearnerContainers learners) {
        this(engine, Journal.NONE, wanted, learners, new Found());
    }

    private LearnerSubject(Engine engine, Journal journal, Wanted wanted, LearnerContainers learners, Found lookup) {
        super(engine, journal);
        this.wanted = wanted;
        this.learners = learners;
        this.lookup = lookup;
    }

    @Override
    public Subject journaling(Journal journal) {
        return new LearnerSubject(engine, journal, wanted, learners, lookup);
    }

    /** What the page's solution should have left. */
    public Wanted wanted() {
        return wanted;
    }

    /**
     * Looks for it among the daemon's containers ({@code docker ps -a}, looked at once for all: {@link LearnerContainers}),
     * once: the labs that share it (the page's {@code web}) grade the same container. A lesson when it is not there as it should be.
     */
    public InspectedContainer find() {
        synchronized (lookup) {
            if (lookup.container == null) {
                List<InspectedContainer> all = learners.all();
                journal.record("docker ps -a", String.join("\n", all.stream().map(InspectedContainer::toString).toList()));
                lookup.container = LearnerLookup.find(wanted, all, Stream.of(Setting.WEB, Setting.GONE, Setting.STAYUP,
                        Setting.LIMITED).map(Setting::value).collect(Collectors.toSet()));
            }
            return lookup.container;
        }
    }

    /**
     * {@link #find()}, for a lab: one that only looks at another lab's container (Q2 and Q4 at Q1's {@code web}) is told
     * that it needs that lab's container and in what state it is, not that lab's lesson again.
     */
    public InspectedContainer findFor(String lab) {
        try {
            return find();
        } catch (LabFailure missing) {
            if (!wanted.madeByAnother(lab)) {
                throw missing;
            }
            throw LearnerLookup.needed(lab, wanted, learners.all());
        }
    }

    @Override
    public String id() {
        return found().id();
    }

    @Override
    public String name() {
        InspectedContainer found = lookup.container;
        return found == null ? String.valueOf(wanted.name()) : found.name();
    }

    /** The host port the learner published, the one it was found by ({@code -p 8080:80}); else the first of 80/tcp. */
    @Override
    public int publishedPort() {
        return wanted.hostPort() > 0 ? wanted.hostPort() : super.publishedPort();
    }

    /** The learner's container is graded as it is: nothing the suite does will change it. */
    @Override
    public Duration patience(Duration limit) {
        return Duration.ZERO;
    }

    /** Never: the learner's containers are not the suite's to change. */
    @Override
    public void remove() {
        throw new IllegalStateException("the learner's container " + name() + " is never changed by the labs");
    }

    /** Never: the learner's containers are not the suite's to change. */
    @Override
    public void updateMemory(long bytes) {
        throw new IllegalStateException("the learner's container " + name() + " is never changed by the labs");
    }

    private InspectedContainer found() {
        InspectedContainer found = lookup.container;
        if (found == null) {
            throw new IllegalStateException("the learner's container was not looked for yet: " + wanted.describe());
        }
        return found;
    }
}
