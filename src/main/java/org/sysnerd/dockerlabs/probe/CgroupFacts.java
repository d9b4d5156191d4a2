package org.sysnerd.dockerlabs.probe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sysnerd.dockerlabs.facts.CgroupController;
import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.CgroupMembership;
import org.sysnerd.dockerlabs.facts.CgroupVersion;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.MemoryLimit;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.parse.CgroupParser;

/** A host process's cgroups and their limits, read from the host's /proc and /sys/fs/cgroup (v1 or v2). */
public final class CgroupFacts {

    private final Host host;
    /** What is looked up once, shared by the views of each lab. */
    private final Known known;
    /** A lab's processes' cgroups, read once for its facts (a process does not change cgroup as it runs); null: afresh. */
    private final Map<Long, Seen<CgroupMembership>> memberships;

    /** The host's cgroup version: a host does not change it without a reboot. */
    private static final class Known {
        private volatile CgroupVersion version;
    }

    CgroupFacts(Host host) {
        this(host, new Known(), null);
    }

    private CgroupFacts(Host host, Known known, Map<Long, Seen<CgroupMembership>> memberships) {
        this.host = host;
        this.known = known;
        this.memberships = memberships;
    }

    /** The same facts read through another view of the host (a lab's journal), for all the facts of that lab. */
    CgroupFacts on(Host view) {
        return new CgroupFacts(view, known, new ConcurrentHashMap<>());
    }

    /** The host's cgroup version: v2 exactly when {@code /sys/fs/cgroup/cgroup.controllers} exists. */
    public CgroupVersion cgroupVersion() {
        if (known.version == null) {
            known.version = host.exists(CgroupVersion.ROOT + "/cgroup.controllers") ? CgroupVersion.V2
                    : CgroupVersion.V1;
        }
        return known.version;
    }

    /**
     * The cgroups of a host process, from the host's {@code /proc/<pid>/cgroup} read in the host's cgroup
     * namespace: the full paths, also for a container in a private cgroup namespace (which sees {@code /}).
     */
    public Seen<CgroupMembership> cgroupsOf(long pid) {
        return memberships == null ? readCgroupsOf(pid) : memberships.computeIfAbsent(pid, this::readCgroupsOf);
    }

    private Seen<CgroupMembership> readCgroupsOf(long pid) {
        String path = "/proc/" + pid + "/cgroup";
        CgroupMembership membership = CgroupParser.membership(pid, host.read(path));
        if (membership.readFromAnotherCgroupNamespace()) {
            throw new HostFactUnavailable(path + " was read from a cgroup namespace that does not hold PID " + pid
                    + " (its paths begin with /..), so it does not give the full path: " + host.describe());
        }
        return new Seen<>(membership, "cat " + path);
    }

    /**
     * The directory of a host process's cgroup for this controller, resolved from its {@code /proc/<pid>/cgroup}
     * line (v1: {@code /sys/fs/cgroup/memory/docker/<id>}; v2: {@code /sys/fs/cgroup/system.slice/docker-<id>.scope}).
     */
    public Seen<CgroupDir> cgroupDirOf(long pid, CgroupController controller) {
        CgroupVersion version = cgroupVersion();
        Seen<CgroupMembership> membership = cgroupsOf(pid);
        CgroupDir dir = membership.value().dirOf(version, controller).orElseThrow(() -> new HostFactUnavailable(
                "no " + controller.kernelName() + " line in /proc/" + pid + "/cgroup on this " + version + " host:\n"
                        + membership.value() + "\n(the " + controller.kernelName() + " controller is not mounted)"));
        String grep = version == CgroupVersion.V2 ? "'^0::'" : "-w " + controller.kernelName();
        return new Seen<>(dir, membership.command() + " | grep " + grep);
    }

    /** The PIDs that a cgroup lists in its {@code cgroup.procs}. */
    public Seen<List<Long>> cgroupProcs(CgroupDir dir) {
        String file = dir.file("cgroup.procs");
        return new Seen<>(CgroupParser.procs(host.read(file)), "cat " + file);
    }

    /** The kernel's OOM kills in a cgroup v2 and below it: its {@code memory.events} {@code oom_kill}. */
    public Seen<Long> oomKills(CgroupDir dir) {
        String file = dir.file("memory.events");
        return new Seen<>(CgroupParser.oomKills(host.read(file)), "grep oom_kill " + file);
    }

    /** A cgroup's memory limit: v2 {@code memory.max}, v1 {@code memory.limit_in_bytes}. */
    public Seen<MemoryLimit> memoryLimit(CgroupDir dir) {
        String file = dir.file(dir.version() == CgroupVersion.V2 ? "memory.max" : "memory.limit_in_bytes");
        return new Seen<>(CgroupParser.memoryLimit(host.read(file)), "cat " + file);
    }

    /** A cgroup's CPU quota per period: v2 {@code cpu.max}, v1 {@code cpu.cfs_quota_us} and {@code cpu.cfs_period_us}. */
    public Seen<CpuQuota> cpuQuota(CgroupDir dir) {
        if (dir.version() == CgroupVersion.V2) {
            return new Seen<>(CgroupParser.cpuMax(host.read(dir.file("cpu.max"))), "cat " + dir.file("cpu.max"));
        }
        String quota = dir.file("cpu.cfs_quota_us");
        String period = dir.file("cpu.cfs_period_us");
        List<String> texts = host.readAll(List.of(quota, period));
        return new Seen<>(CgroupParser.cfsQuota(texts.get(0), texts.get(1)), "cat " + quota + " " + period);
    }
}
