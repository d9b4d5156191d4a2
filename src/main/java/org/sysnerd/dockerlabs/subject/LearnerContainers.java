package org.sysnerd.dockerlabs.subject;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.journal.Trace;
import org.sysnerd.dockerlabs.parse.InspectParser;

/**
 * The daemon's containers as the learner left them ({@code docker ps -a}, each inspected), looked at once for every
 * learner's container the labs look for: the labs grade one final state, and six labs asking for it at once made the
 * daemon list and inspect every container six times over. The preflight asks first, as soon as the daemon answers.
 * One per run: a run that comes later looks again.
 */
public final class LearnerContainers {

    private final Engine engine;
    private List<InspectedContainer> seen;

    /** The learner's containers on this engine, not looked at yet. */
    public LearnerContainers(Engine engine) {
        this.engine = engine;
    }

    /** Every container of the daemon, inspected; looked at on the first call, the same list after. */
    public synchronized List<InspectedContainer> all() {
        if (seen == null) {
            seen = engine.containersRaw().stream().flatMap(c -> inspected(String.valueOf(c.get("Id"))).stream()).toList();
            Trace.mark("learner's containers inspected");
        }
        return seen;
    }

    /** The container, or nothing when it went between {@code docker ps} and {@code docker inspect}. */
    private Optional<InspectedContainer> inspected(String id) {
        try {
            return Optional.of(InspectParser.container(engine.inspectRaw(id)));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }
}
