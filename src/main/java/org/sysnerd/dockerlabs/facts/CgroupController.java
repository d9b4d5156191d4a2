package org.sysnerd.dockerlabs.facts;

/** A cgroup controller that holds one of a container's limits, by its kernel name. */
public enum CgroupController {
    /** {@code --memory}: v1 {@code memory.limit_in_bytes}, v2 {@code memory.max}. */
    MEMORY("memory"),
    /** {@code --cpus}: v1 {@code cpu.cfs_quota_us} and {@code cpu.cfs_period_us}, v2 {@code cpu.max}. */
    CPU("cpu");

    private final String kernelName;

    CgroupController(String kernelName) {
        this.kernelName = kernelName;
    }

    /** The name in {@code /proc/<pid>/cgroup} and {@code cgroup.controllers}, e.g. {@code memory}. */
    public String kernelName() {
        return kernelName;
    }
}
