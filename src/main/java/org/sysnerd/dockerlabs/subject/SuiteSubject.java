package org.sysnerd.dockerlabs.subject;

import java.time.Duration;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabContainer;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.journal.Journal;

/** A container the suite starts for the lab, with a unique name and a free port, and removes at its end. */
public final class SuiteSubject extends Subject {

    private final LabContainer<?> container;

    SuiteSubject(Engine engine, LabContainer<?> container) {
        this(engine, container, Journal.NONE);
    }

    private SuiteSubject(Engine engine, LabContainer<?> container, Journal journal) {
        super(engine, journal);
        this.container = container;
    }

    @Override
    public Subject journaling(Journal journal) {
        return new SuiteSubject(engine, container, journal);
    }

    /** The Testcontainers container behind it, which the lab kit starts and removes. */
    public LabContainer<?> container() {
        return container;
    }

    @Override
    public String id() {
        return container.getContainerId();
    }

    @Override
    public String name() {
        return container.name();
    }

    @Override
    public Duration patience(Duration limit) {
        return limit;
    }

    @Override
    public void remove() {
        container.remove(journal);
    }

    @Override
    public void updateMemory(long bytes) {
        if (!engine.info().updatesContainers()) {
            throw new HostFactUnavailable(engine.info().engineName() + "'s Docker-compatible API has no docker update "
                    + "(POST /containers/<id>/update answers 404): the limit cannot be changed in place through it",
                    "the other facts of the lab held or failed on their own; see this one on Docker Engine");
        }
        engine.client().updateContainerCmd(id()).withMemory(bytes).exec();
        journal.record("docker update --memory " + (bytes >> 20) + "m " + name(), name());
    }
}
