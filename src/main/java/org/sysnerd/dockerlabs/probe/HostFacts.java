package org.sysnerd.dockerlabs.probe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.sysnerd.dockerlabs.facts.CgroupController;
import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.CgroupMembership;
import org.sysnerd.dockerlabs.facts.CgroupVersion;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.DnatRule;
import org.sysnerd.dockerlabs.facts.FirewallBackend;
import org.sysnerd.dockerlabs.facts.HostProcess;
import org.sysnerd.dockerlabs.facts.MemoryLimit;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.facts.NetNamespace;
import org.sysnerd.dockerlabs.facts.OverlayMount;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.parse.IpJsonParser;
import org.sysnerd.dockerlabs.parse.MountInfoParser;

/** The host facts the labs check, each read with one file or command that a learner can run too. */
public final class HostFacts {

    private static final List<String> IP = List.of("ip", "-j", "-d", "addr", "show");

    private final Host host;
    /** The families of facts, each sharing what it looked up once with the views of each lab ({@link #journaling}). */
    private final NatFacts nat;
    private final CgroupFacts cgroups;
    /** What a lab's view read once for all its facts; null in the run's own view, which reads afresh. */
    private final ReadOnce once;

    /**
     * What does not change while a lab runs, so that its facts read it once (each read by the daemon-side probe is an
     * exec): a process's net namespace, and the interfaces its containers' start made. What a lab changes is never kept.
     */
    private static final class ReadOnce {
        private final Map<Long, Seen<NetNamespace>> netNamespaces = new ConcurrentHashMap<>();
        private Seen<List<NetLink>> links;

        synchronized Seen<List<NetLink>> links(Supplier<Seen<List<NetLink>>> read) {
            links = links != null ? links : read.get();
            return links;
        }
    }

    public HostFacts(Host host) {
        this(host, new NatFacts(host), new CgroupFacts(host), null);
    }

    private HostFacts(Host host, NatFacts nat, CgroupFacts cgroups, ReadOnce once) {
        this.host = host;
        this.nat = nat;
        this.cgroups = cgroups;
        this.once = once;
    }

    /**
     * The same host's facts, recording the commands that read them in {@code journal} (a lab's): one view per lab,
     * which reads once what does not change while the lab runs (see {@link ReadOnce}).
     */
    public HostFacts journaling(Journal journal) {
        Host view = host.journaling(journal);
        return new HostFacts(view, nat.on(view), cgroups.on(view), new ReadOnce());
    }

    /** The host this reads, e.g. for the report. */
    public Host host() {
        return host;
    }

    /** The process with this PID in the host's /proc, by its command name. */
    public Seen<HostProcess> process(long pid) {
        String comm = host.read("/proc/" + pid + "/comm").strip();
        return new Seen<>(new HostProcess(pid, comm), "ps -o pid,comm -p " + pid);
    }

    /** The net namespace of a host process. */
    public Seen<NetNamespace> netNamespaceOf(long pid) {
        return once == null ? readNetNamespaceOf(pid) : once.netNamespaces.computeIfAbsent(pid, this::readNetNamespaceOf);
    }

    private Seen<NetNamespace> readNetNamespaceOf(long pid) {
        String path = "/proc/" + pid + "/ns/net";
        return new Seen<>(NetNamespace.fromLink(host.readLink(path)), "sudo ls -l " + path);
    }

    /** The host's own net namespace, the one docker0 lives in. */
    public Seen<NetNamespace> hostNetNamespace() {
        return new Seen<>(NetNamespace.fromLink(host.readLink("/proc/self/ns/net")), "ls -l /proc/self/ns/net");
    }

    /** The overlay mounts of the host's mount table. */
    public Seen<List<OverlayMount>> overlayMounts() {
        List<OverlayMount> overlays = MountInfoParser.parse(host.read("/proc/self/mountinfo")).stream()
                .filter(m -> "overlay".equals(m.fsType()) && m.option("lowerdir") != null).map(OverlayMount::of).toList();
        return new Seen<>(overlays, "mount | grep overlay");
    }

    /** The overlay mount at this mount point (a container's merged dir); a null value when there is none. */
    public Seen<OverlayMount> overlayAt(String mountPoint) {
        List<OverlayMount> overlays = overlayMounts().value();
        OverlayMount mount = overlays.stream().filter(m -> m.mountPoint().equals(mountPoint)).findFirst().orElse(null);
        return new Seen<>(mount, "mount | grep " + (mountPoint == null ? "overlay" : mountPoint));
    }

    /** The DNAT rules of the nat table, with their packet counters ({@link NatFacts}). */
    public Seen<List<DnatRule>> dnatRules(FirewallBackend backend) {
        return nat.dnatRules(backend);
    }

    /** The host's {@code iptables --version}; null when it cannot be run. */
    public String iptablesVersion() {
        return nat.iptablesVersion();
    }

    /** The host's network interfaces with their addresses, bridges and veth peers. */
    public Seen<List<NetLink>> links() {
        return once == null ? readLinks() : once.links(this::readLinks);
    }

    private Seen<List<NetLink>> readLinks() {
        return new Seen<>(IpJsonParser.links(host.run(IP)),
                "ip -d addr show docker0; ip link show master docker0");
    }

    /** The host's interface of this name, e.g. docker0 with its address; a null value when there is none. */
    public Seen<NetLink> link(String name) {
        NetLink link = links().value().stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
        return new Seen<>(link, "ip -d addr show " + name);
    }

    /** The page served at {@code http://address:port/}, requested from the host itself (e.g. docker0's address). */
    public String httpGet(String address, int port) {
        return host.httpGet(address, port);
    }

    /** True when something answers HTTP at {@code address:port}, seen from the host. */
    public boolean httpAnswers(String address, int port) {
        return host.httpAnswers(address, port);
    }

    /** True when the path exists on the host (e.g. a file in a container's upper dir). */
    public boolean exists(String path) {
        return host.exists(path);
    }

    /** Resolves overlay2's short links ({@code l/<id>}, absolute or relative to {@code base}) to their diff dirs. */
    public List<String> resolveAll(List<String> paths, String base) {
        return host.realPaths(paths.stream().map(p -> p.startsWith("/") ? p : base + "/" + p).toList());
    }

    /** Resolves one of an overlay mount's dirs: absolute, or relative to {@code base}, every link followed. */
    public String resolve(String path, String base) {
        return host.realPath(path.startsWith("/") ? path : base + "/" + path);
    }

    /** The path with every link resolved (overlay2's short {@code l/} links). */
    public String realPath(String path) {
        return host.realPath(path);
    }

    /** The host's cgroup version ({@link CgroupFacts}). */
    public CgroupVersion cgroupVersion() {
        return cgroups.cgroupVersion();
    }

    /** The cgroups of a host process, with full paths. */
    public Seen<CgroupMembership> cgroupsOf(long pid) {
        return cgroups.cgroupsOf(pid);
    }

    /** The directory of a host process's cgroup for this controller. */
    public Seen<CgroupDir> cgroupDirOf(long pid, CgroupController controller) {
        return cgroups.cgroupDirOf(pid, controller);
    }

    /** The PIDs that a cgroup lists in its {@code cgroup.procs}. */
    public Seen<List<Long>> cgroupProcs(CgroupDir dir) {
        return cgroups.cgroupProcs(dir);
    }

    /** The kernel's OOM kills in a cgroup v2 and below it. */
    public Seen<Long> oomKills(CgroupDir dir) {
        return cgroups.oomKills(dir);
    }

    /** A cgroup's memory limit. */
    public Seen<MemoryLimit> memoryLimit(CgroupDir dir) {
        return cgroups.memoryLimit(dir);
    }

    /** A cgroup's CPU quota per period. */
    public Seen<CpuQuota> cpuQuota(CgroupDir dir) {
        return cgroups.cpuQuota(dir);
    }
}
