package org.sysnerd.dockerlabs.lessons;

import org.sysnerd.dockerlabs.facts.HostProcess;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.subject.ForegroundProcess;

/** A container's PID as the host's /proc shows it (Q1: an ordinary host process; Q5: the foreground process it was given). */
public final class HostProcessAssert extends FactAssert<HostProcessAssert, HostProcess> {

    HostProcessAssert(Seen<HostProcess> process) {
        super(process, HostProcessAssert.class);
    }

    public static HostProcessAssert assertThat(Seen<HostProcess> process) {
        return new HostProcessAssert(process);
    }

    /** The PID runs this program (its command line starts with it). */
    public HostProcessAssert runs(String program) {
        return holds("the PID to run " + program, p -> p.command().startsWith(program));
    }

    /** The container's PID 1 is a foreground process given as its command ({@link ForegroundProcess}). */
    public HostProcessAssert isAForegroundProcessGiven(ForegroundProcess given) {
        return holds("the container's PID 1 to be a foreground process given as its command (the page's: sleep 1000), "
                + "not the image's default " + given.imageCommand(), p -> given.holds(p.command()),
                p -> whyNotForeground(given, p.command()));
    }

    /** Why a running container's PID 1 is not a foreground process it was given. */
    static String whyNotForeground(ForegroundProcess stayup, String pid1) {
        InspectedContainer container = stayup.container();
        if (stayup.runsTheDefault()) {
            return "it runs the image's default command " + stayup.imageCommand() + ": give it a foreground process ("
                    + ContainerAssert.foreground() + ")";
        }
        return "its PID 1 is " + pid1 + ", which is not the command it was given " + container.command()
                + ": was it started again with another command? (docker inspect -f '{{json .Config.Cmd}}' " + container.name() + ")";
    }
}
