package org.sysnerd.dockerlabs.facts;

/**
 * The host's cgroup hierarchy: v1, one tree per controller ({@code /sys/fs/cgroup/memory/…}), or v2, one
 * unified tree ({@code /sys/fs/cgroup/…}). v2 exactly when {@code /sys/fs/cgroup/cgroup.controllers} exists.
 */
public enum CgroupVersion {
    V1,
    V2;

    /** Where the host mounts its cgroup trees. */
    public static final String ROOT = "/sys/fs/cgroup";

    @Override
    public String toString() {
        return this == V1 ? "cgroup v1" : "cgroup v2";
    }
}
