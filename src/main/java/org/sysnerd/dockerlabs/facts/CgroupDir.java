package org.sysnerd.dockerlabs.facts;

/**
 * A cgroup's directory on the host, where its limits are files: the hierarchy's mount plus the cgroup's
 * path from {@code /proc/<pid>/cgroup}, e.g. {@code /sys/fs/cgroup/memory} + {@code /docker/<id>} (v1) or
 * {@code /sys/fs/cgroup} + {@code /system.slice/docker-<id>.scope} (v2).
 */
public record CgroupDir(CgroupVersion version, String hierarchy, String cgroup) {

    /** The directory, e.g. {@code /sys/fs/cgroup/memory/docker/<id>}. */
    public String path() {
        return isRoot() ? hierarchy : hierarchy + cgroup;
    }

    /** A file of this cgroup, e.g. {@code memory.max}. */
    public String file(String name) {
        return path() + "/" + name;
    }

    /** The cgroup above this one, e.g. {@code /sys/fs/cgroup/system.slice} for a systemd scope; the root's is itself. */
    public CgroupDir parent() {
        int slash = cgroup.lastIndexOf('/');
        return isRoot() ? this : new CgroupDir(version, hierarchy, slash <= 0 ? "/" : cgroup.substring(0, slash));
    }

    /** True for the hierarchy's root cgroup ({@code /}): the process has no cgroup of its own there. */
    public boolean isRoot() {
        return cgroup.equals("/");
    }

    @Override
    public String toString() {
        return path();
    }
}
