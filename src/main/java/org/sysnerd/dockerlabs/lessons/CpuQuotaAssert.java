package org.sysnerd.dockerlabs.lessons;

import java.util.function.Supplier;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.Seen;

/** A cgroup's CPU limit (v2 {@code cpu.max}, v1 {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us}) (Q6). */
public final class CpuQuotaAssert extends FactAssert<CpuQuotaAssert, CpuQuota> {

    private final Supplier<InspectedContainer> container;

    CpuQuotaAssert(Seen<CpuQuota> quota, Supplier<InspectedContainer> container) {
        super(quota, CpuQuotaAssert.class);
        this.container = container;
    }

    /** Assertions on the quota; {@code container} is inspected only to say why there is none. */
    public static CpuQuotaAssert assertThat(Seen<CpuQuota> quota, Supplier<InspectedContainer> container) {
        return new CpuQuotaAssert(quota, container);
    }

    /** The quota is {@code quota} µs per {@code period} µs, as {@code option} asked ({@code --cpus 0.5}). */
    public CpuQuotaAssert is(long quota, long period, String option) {
        return holds(quota + " " + period + " (" + option + ")", q -> q.is(quota, period),
                q -> q.quota() == null ? whyNoCpuQuota(container.get()) : null);
    }

    /** Why its cgroup may show no CPU quota, from what {@code docker inspect} recorded of {@code --cpus}. */
    static String whyNoCpuQuota(InspectedContainer container) {
        return CgroupAssert.whyNoLimit("--cpus", "HostConfig.NanoCpus", container.nanoCpus());
    }
}
