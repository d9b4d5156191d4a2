package org.sysnerd.dockerlabs.probe;

import java.util.List;
import org.sysnerd.dockerlabs.facts.CgroupController;
import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.CgroupMembership;
import org.sysnerd.dockerlabs.facts.CgroupVersion;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.DnatRule;
import org.sysnerd.dockerlabs.facts.FirewallBackend;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.HostProcess;
import org.sysnerd.dockerlabs.facts.MemoryLimit;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.facts.NetNamespace;
import org.sysnerd.dockerlabs.facts.OverlayMount;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.parse.CgroupParser;
import org.sysnerd.dockerlabs.parse.IpJsonParser;
import org.sysnerd.dockerlabs.parse.IptablesParser;
import org.sysnerd.dockerlabs.parse.MountInfoParser;
import org.sysnerd.dockerlabs.parse.NftParser;

/** The host facts the labs check, each read with one file or command that a learner can run too. */
public final class HostFacts {

    private final Host host;
    /** What is looked up once, shared by the views of each lab ({@link #journaling}). */
    private final LookedUp lookedUp;

    /** What is looked up once for a host. */
    private static final class LookedUp {
        private volatile boolean netavarkNftables;
        /** The host's cgroup version: a host does not change it without a reboot. */
        private volatile CgroupVersion cgroupVersion;
    }

    public HostFacts(Host host) {
        this(host, new LookedUp());
    }

    private HostFacts(Host host, LookedUp lookedUp) {
        this.host = host;
        this.lookedUp = lookedUp;
    }

    /** The same host's facts, recording the commands that read them in {@code journal} (a lab's). */
    public HostFacts journaling(Journal journal) {
        return new HostFacts(host.journaling(journal), lookedUp);
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

    /** The DNAT rules of the nat table, with their packet counters. */
    public Seen<List<DnatRule>> dnatRules(FirewallBackend backend) {
        return switch (backend) {
            case IPTABLES -> new Seen<>(IptablesParser.dnatRules(host.run(List.of("iptables", "-t", "nat", "-S", "-v"))),
                    "sudo iptables -t nat -S DOCKER -v");
            case NFTABLES -> new Seen<>(NftParser.dnatRules(host.run(List.of("nft", "list", "ruleset"))),
                    "sudo nft list table ip docker-bridges");
            case NETAVARK -> netavarkUsesNftables()
                    ? new Seen<>(NftParser.dnatRules(host.run(List.of("nft", "list", "table", "inet", "netavark"))),
                            "sudo nft list table inet netavark")
                    : new Seen<>(IptablesParser.dnatRules(host.run(List.of("iptables", "-t", "nat", "-S", "-v"))),
                            "sudo iptables -t nat -S NETAVARK-HOSTPORT-DNAT -v; sudo iptables -t nat -S -v | grep NETAVARK-DN-");
        };
    }

    /**
     * True when Podman's netavark writes its rules to nftables ({@code table inet netavark}, its firewall driver
     * {@code nftables}, the default from netavark 1.13 on some distributions), false for its iptables driver. Asked
     * each time until the table is seen: netavark makes it with the first container that needs it.
     */
    private boolean netavarkUsesNftables() {
        if (!lookedUp.netavarkNftables) {
            try {
                lookedUp.netavarkNftables = NftParser.hasTable(host.run(List.of("nft", "list", "tables")), "inet", "netavark");
            } catch (HostFactUnavailable e) {
                return false; // no nft on this host: netavark cannot be using nftables either
            }
        }
        return lookedUp.netavarkNftables;
    }

    /** The host's network interfaces with their addresses, bridges and veth peers. */
    /** The host's {@code iptables --version} (e.g. {@code iptables v1.8.11 (nf_tables)}); null when it cannot be run. */
    public String iptablesVersion() {
        try {
            return host.run(List.of("iptables", "--version")).strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Seen<List<NetLink>> links() {
        return new Seen<>(IpJsonParser.links(host.run(List.of("ip", "-j", "-d", "addr", "show"))),
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
        return paths.stream().map(p -> resolve(p, base)).toList();
    }

    /** Resolves one of an overlay mount's dirs: absolute, or relative to {@code base}, every link followed. */
    public String resolve(String path, String base) {
        return host.realPath(path.startsWith("/") ? path : base + "/" + path);
    }

    /** The path with every link resolved (overlay2's short {@code l/} links). */
    public String realPath(String path) {
        return host.realPath(path);
    }

    /** The host's cgroup version: v2 exactly when {@code /sys/fs/cgroup/cgroup.controllers} exists. */
    public CgroupVersion cgroupVersion() {
        if (lookedUp.cgroupVersion == null) {
            lookedUp.cgroupVersion = host.exists(CgroupVersion.ROOT + "/cgroup.controllers") ? CgroupVersion.V2
                    : CgroupVersion.V1;
        }
        return lookedUp.cgroupVersion;
    }

    /**
     * The cgroups of a host process, from the host's {@code /proc/<pid>/cgroup} read in the host's cgroup
     * namespace: the full paths, also for a container in a private cgroup namespace (which sees {@code /}).
     */
    public Seen<CgroupMembership> cgroupsOf(long pid) {
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
        return new Seen<>(CgroupParser.cfsQuota(host.read(quota), host.read(period)), "cat " + quota + " " + period);
    }
}
