package org.sysnerd.dockerlabs.docker;

import org.sysnerd.dockerlabs.settings.Setting;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One run of the suite: its id, and the names and labels of the containers it makes, so that
 * it touches nothing it did not make and the next run can tell which leftovers are orphans.
 */
public final class LabRun {

    /** Every container of the suite carries this label. */
    public static final String SUITE_LABEL = "org.sysnerd.docker-labs";
    /** The run that made the container. */
    public static final String RUN_LABEL = SUITE_LABEL + ".run";
    /** The lab that made the container, e.g. {@code Q3}. */
    public static final String LAB_LABEL = SUITE_LABEL + ".lab";
    /** The process that owns the container: {@code <host>/<pid>/<process start, epoch ms>}. */
    public static final String OWNER_LABEL = SUITE_LABEL + ".owner";

    private final String id = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private final AtomicInteger containers = new AtomicInteger();
    private final ProcessOwner owner = ProcessOwner.self();
    private final AtomicInteger creating = new AtomicInteger();

    /** A new run, with an id of its own. */
    public LabRun() {
    }

    /** The run's id, e.g. {@code 1a2b3c4d}. */
    public String id() {
        return id;
    }

    /** The owner label of this run's containers. */
    public ProcessOwner owner() {
        return owner;
    }

    /** True when the containers are kept after the run ({@code labs.keep} / {@code LABS_KEEP_CONTAINERS}), to replay a lab. */
    public boolean keepsContainers() {
        return Boolean.parseBoolean(Setting.KEEP.value());
    }

    /** A name no one else uses: {@code docker-labs-q1-web-1a2b3c4d-1}. */
    public String containerName(String lab, String role) {
        return "docker-labs-" + lab.toLowerCase() + "-" + role + "-" + id + "-" + containers.incrementAndGet();
    }

    /**
     * Runs a call that creates a container of this run, counted as under way until it returns: one that fails or is
     * given up on stays counted, since the daemon may still make the container after its caller stopped waiting.
     */
    public <T> T creating(Supplier<T> creation) {
        creating.incrementAndGet();
        T made = creation.get();
        creating.decrementAndGet();
        return made;
    }

    /** True when a creation of a container of this run is under way, or was given up on (see {@link #creating}). */
    public boolean creationsUnderWay() {
        return creating.get() > 0;
    }

    /** The labels of a container made for this lab in this run. */
    public Map<String, String> labels(String lab) {
        return Map.of(SUITE_LABEL, "true", RUN_LABEL, id, LAB_LABEL, lab, OWNER_LABEL, owner.label(),
                SUITE_LABEL + ".started", Instant.now().toString());
    }
}
