package org.sysnerd.dockerlabs.lessons;

import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.Setting;

/** A container's cgroup as the host's {@code /proc/<pid>/cgroup} and {@code cgroup.procs} show it (Q6). */
public final class CgroupAssert extends FactAssert<CgroupAssert, CgroupDir> {

    CgroupAssert(Seen<CgroupDir> dir) {
        super(dir, CgroupAssert.class);
    }

    public static CgroupAssert assertThat(Seen<CgroupDir> dir) {
        return new CgroupAssert(dir);
    }

    /** It is a cgroup of the container's own (not the root), named for the container's id. */
    public CgroupAssert isTheContainers(String containerId, long pid) {
        return holds("a memory cgroup of container " + containerId, d -> !d.isRoot() && d.cgroup().contains(containerId),
                d -> d.isRoot() ? "PID " + pid + " is in the root cgroup: no cgroup was made for the container" : null);
    }

    /** Its {@code cgroup.procs} lists the PID. */
    public CgroupAssert listsAmongItsProcesses(HostFacts host, long pid) {
        new FactAssert.Of<>(host.cgroupProcs(seen())).holds("PID " + pid + " among the cgroup's processes",
                procs -> procs.contains(pid));
        return this;
    }

    /** Why a cgroup may show no limit, from what {@code docker inspect} recorded of the option. */
    static String whyNoLimit(String option, String field, long recorded) {
        return recorded == 0 ? "the container was started without " + option + " (" + field + " is 0): "
                + "docker run -d --name " + Setting.LIMITED.value() + " --memory 64m --cpus 0.5 nginx"
                : "Docker recorded " + option + " (" + field + " " + recorded + "), but the runtime did not write it to the "
                        + "cgroup: docker info -f '{{.DefaultRuntime}}'";
    }
}
