package org.sysnerd.dockerlabs.facts;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A cgroup's CPU bandwidth limit: a quota of CPU time per period, in µs. v2 {@code cpu.max} reads
 * {@code 50000 100000} ({@code max 100000} without one); v1 keeps them in {@code cpu.cfs_quota_us}
 * ({@code -1} without one) and {@code cpu.cfs_period_us}. {@code --cpus 0.5} is 50000 per 100000.
 *
 * @param quota  µs of CPU time per period, or null when there is no quota
 * @param period the period, in µs
 */
public record CpuQuota(Long quota, long period) {

    /** True when the quota is this many µs per this period. */
    public boolean is(long expectedQuota, long expectedPeriod) {
        return quota != null && quota == expectedQuota && period == expectedPeriod;
    }

    @Override
    public String toString() {
        if (quota == null) {
            return "max " + period + " (no limit)";
        }
        BigDecimal cpus = BigDecimal.valueOf(quota).divide(BigDecimal.valueOf(period), MathContext.DECIMAL64);
        return quota + " " + period + " (" + cpus.stripTrailingZeros().toPlainString() + " CPU)";
    }
}
