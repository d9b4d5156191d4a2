package org.sysnerd.dockerlabs.lessons;

import java.util.function.Supplier;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.MemoryLimit;
import org.sysnerd.dockerlabs.facts.Seen;

/** A cgroup's memory limit (v2 {@code memory.max}, v1 {@code memory.limit_in_bytes}), and what Docker recorded (Q6). */
public final class MemoryLimitAssert extends FactAssert<MemoryLimitAssert, MemoryLimit> {

    private final Supplier<InspectedContainer> container;

    MemoryLimitAssert(Seen<MemoryLimit> limit, Supplier<InspectedContainer> container) {
        super(limit, MemoryLimitAssert.class);
        this.container = container;
    }

    /** Assertions on the limit; {@code container} is inspected only to say why there is none. */
    public static MemoryLimitAssert assertThat(Seen<MemoryLimit> limit, Supplier<InspectedContainer> container) {
        return new MemoryLimitAssert(limit, container);
    }

    /** The limit is {@code bytes}, as {@code option} asked ({@code --memory 64m}). */
    public MemoryLimitAssert is(long bytes, String option) {
        return holds(bytes + " bytes (" + option + ")", l -> l.is(bytes),
                l -> l.bytes() == null ? whyNoMemoryLimit(container.get()) : null);
    }

    /** The limit is {@code bytes} after {@code update} ({@code docker update --memory 32m}). */
    public MemoryLimitAssert wasRewrittenTo(long bytes, String update) {
        return holds(bytes + " bytes after " + update, l -> l.is(bytes));
    }

    /** Why its cgroup may show no memory limit, from what {@code docker inspect} recorded of {@code --memory}. */
    static String whyNoMemoryLimit(InspectedContainer container) {
        return CgroupAssert.whyNoLimit("--memory", "HostConfig.Memory", container.memory());
    }
}
