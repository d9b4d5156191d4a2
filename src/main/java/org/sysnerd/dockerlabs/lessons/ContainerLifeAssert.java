package org.sysnerd.dockerlabs.lessons;

import java.time.Duration;
import org.sysnerd.dockerlabs.facts.ContainerLife;
import org.sysnerd.dockerlabs.facts.Seen;

/** How long an exited container's own PID 1 ran, from the daemon's events (Q5's instant exit). */
public final class ContainerLifeAssert extends FactAssert<ContainerLifeAssert, ContainerLife> {

    ContainerLifeAssert(Seen<ContainerLife> life) {
        super(life, ContainerLifeAssert.class);
    }

    public static ContainerLifeAssert assertThat(Seen<ContainerLife> life) {
        return new ContainerLifeAssert(life);
    }

    /** Its PID 1 ended within {@code atOnce} of the runtime starting it. */
    public ContainerLifeAssert endedWithin(Duration atOnce) {
        return holds("its PID 1 to have ended within " + atOnce.toMillis() + " ms of the runtime starting it",
                l -> l.ownLife().compareTo(atOnce) <= 0, ContainerLifeAssert::whyRanLong);
    }

    /**
     * Why a container that should have ended at once ran longer, from how long its own PID 1 ran. Asked once its exit
     * code 0 held: no docker stop or kill (PID 1 sh ignores SIGTERM, so those end in 137), and docker start again would
     * have begun its clock again.
     */
    static String whyRanLong(ContainerLife life) {
        if (!life.measuredFromEvents()) {
            return "it ended by itself (exit code 0), but " + life.ownLife().toMillis() + " ms after the daemon marked it "
                    + "started, which counts its runtime's start too (the daemon's log no longer tells them apart): its "
                    + "shell kept reading an open stdin until it closed (docker run -i or -t), or the runtime was slow to "
                    + "start it (on a slow or emulated host, LABS_TIME_SCALE raises the limit)";
        }
        return "it ended by itself (exit code 0), but its own PID 1 ran " + life.ownLife().toMillis() + " ms after its "
                + "runtime started it (the runtime's start, " + life.runtimeStart().toMillis() + " ms, is not counted): "
                + "something kept it alive: its shell read an open stdin until it closed (docker run -i or -t), or it "
                + "was given a command that takes its time";
    }
}
