package org.sysnerd.dockerlabs.lessons;

import org.sysnerd.dockerlabs.facts.NetNamespace;
import org.sysnerd.dockerlabs.facts.Pid1;
import org.sysnerd.dockerlabs.facts.Seen;

/** A container's PID 1 as it sees itself from inside ({@code docker exec}). */
public final class Pid1Assert extends FactAssert<Pid1Assert, Pid1> {

    Pid1Assert(Seen<Pid1> pid1) {
        super(pid1, Pid1Assert.class);
    }

    public static Pid1Assert assertThat(Seen<Pid1> pid1) {
        return new Pid1Assert(pid1);
    }

    /** PID 1 inside runs this program. */
    public Pid1Assert runs(String program) {
        return holds("PID 1 inside to be " + program, pid1 -> pid1.command().startsWith(program));
    }

    /** PID 1's net namespace is the one the host sees for the container's host PID. */
    public Pid1Assert isInTheNamespaceTheHostSeesFor(long pid, Seen<NetNamespace> fromHost) {
        return holds("PID 1's net namespace to be the one the host sees for PID " + pid + ": " + fromHost,
                pid1 -> pid1.net().equals(fromHost.value()));
    }
}
