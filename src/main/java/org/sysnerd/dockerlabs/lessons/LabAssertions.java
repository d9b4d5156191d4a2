package org.sysnerd.dockerlabs.lessons;

import java.util.List;
import org.sysnerd.dockerlabs.docker.DefaultBridge;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.GraphDriverDirs;
import org.sysnerd.dockerlabs.docker.MemoryHog;
import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.ContainerExit;
import org.sysnerd.dockerlabs.facts.ContainerLife;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.HostProcess;
import org.sysnerd.dockerlabs.facts.MemoryLimit;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.facts.NetNamespace;
import org.sysnerd.dockerlabs.facts.Pid1;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.Subject;

/**
 * The labs' one entry point, as AssertJ's {@code Assertions}: {@code assertThat(fact)} gives the assertions of the fact's
 * family, each of which writes its lesson. Named by the fact where Java's erasure would make two {@code assertThat}
 * of {@code Seen<...>} one.
 */
public final class LabAssertions {

    private LabAssertions() {
    }

    /** A container, read afresh for each fact: its command, its exit, its staying up, its start. */
    public static ContainerAssert assertThat(Subject container) {
        return ContainerAssert.assertThat(container);
    }

    /** A container's limits in its cgroup: its own memory cgroup, read for the container's host PID. */
    public static CgroupAssert assertThatCgroup(Seen<CgroupDir> dir) {
        return CgroupAssert.assertThat(dir);
    }

    public static MemoryLimitAssert assertThatMemoryLimit(Seen<MemoryLimit> limit, Subject container) {
        return MemoryLimitAssert.assertThat(limit, container::inspect);
    }

    public static CpuQuotaAssert assertThatCpuQuota(Seen<CpuQuota> quota, Subject container) {
        return CpuQuotaAssert.assertThat(quota, container::inspect);
    }

    /** The kernel's OOM killer and the suite's own allocation past a limit. */
    public static OomKillAssert assertThat(MemoryHog hog, HostFacts host) {
        return OomKillAssert.assertThat(hog, host);
    }

    public static ContainerExitAssert assertThatExit(Seen<ContainerExit> exit) {
        return ContainerExitAssert.assertThat(exit);
    }

    public static ContainerLifeAssert assertThatLife(Seen<ContainerLife> life) {
        return ContainerLifeAssert.assertThat(life);
    }

    public static HostProcessAssert assertThatProcess(Seen<HostProcess> process) {
        return HostProcessAssert.assertThat(process);
    }

    public static NetNamespaceAssert assertThatNetNamespace(Seen<NetNamespace> namespace) {
        return NetNamespaceAssert.assertThat(namespace);
    }

    public static Pid1Assert assertThatPid1(Seen<Pid1> pid1) {
        return Pid1Assert.assertThat(pid1);
    }

    /** The nat table's DNAT rules on this host, for the engine's firewall backend. */
    public static DnatRulesAssert assertThatDnatRules(HostFacts host, Engine engine) {
        return DnatRulesAssert.assertThat(host, engine.info(), engine.defaultBridge());
    }

    /** The container's rootfs in the host's mount table. */
    public static OverlayMountAssert assertThatRootfs(GraphDriverDirs dirs, HostFacts host, Engine engine) {
        return OverlayMountAssert.assertThat(host, dirs, engine.info());
    }

    /** The engine's default bridge as the host's {@code ip} shows it. */
    public static BridgeAssert assertThatBridge(HostFacts host, Engine engine) {
        DefaultBridge bridge = engine.defaultBridge();
        return BridgeAssert.assertThat(host.link(bridge.interfaceName()), bridge);
    }

    public static LinkAssert assertThatLinks(Seen<List<NetLink>> links) {
        return LinkAssert.assertThat(links);
    }
}
