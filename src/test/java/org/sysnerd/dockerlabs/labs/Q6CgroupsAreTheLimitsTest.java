package org.sysnerd.dockerlabs.labs;

import static org.sysnerd.dockerlabs.subject.PageContainer.LIMITED_NGINX;

import java.time.Instant;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sysnerd.dockerlabs.assertions.LabAssertions;
import org.sysnerd.dockerlabs.assertions.Waits;
import org.sysnerd.dockerlabs.docker.LimitedNginx;
import org.sysnerd.dockerlabs.docker.MemoryHog;
import org.sysnerd.dockerlabs.facts.CgroupController;
import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.CgroupVersion;
import org.sysnerd.dockerlabs.facts.ContainerExit;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.MemoryLimit;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.junit.Evidence;
import org.sysnerd.dockerlabs.junit.Page;
import org.sysnerd.dockerlabs.junit.SpecOnly;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.Hints;
import org.sysnerd.dockerlabs.subject.Subject;

/**
 * Beyond the page: its last line names five primitives, and cgroups are the one Q1 to Q5 leave out. Task: start
 * nginx with a memory and a CPU limit, and find the limits in the host's cgroup filesystem. Solution: {@code docker
 * run -d --name limited --memory 64m --cpus 0.5 nginx}, then its cgroup's path in {@code /proc/<pid>/cgroup}, and
 * its limits in that cgroup's directory under {@code /sys/fs/cgroup}. The container's PID MUST be in a cgroup of
 * its own, found from the host's {@code /proc/<pid>/cgroup}, whose {@code cgroup.procs} lists it. Its memory limit
 * there MUST be 67108864 bytes (v2 {@code memory.max}, v1 {@code memory.limit_in_bytes}), its CPU limit a quota of
 * 50000 µs per 100000 µs. {@code docker update --memory 32m} MUST rewrite that same file, with no restart. The
 * kernel, not Docker, MUST enforce it: a process that allocates past a 32 MiB limit MUST be OOM-killed (exit 137).
 */
@DisplayName("Q6 · cgroups are the limits (beyond the page)")
@DockerLab(id = "Q6", title = "cgroups are the limits (beyond the page)",
        verify = "pid=$(docker inspect -f '{{.State.Pid}}' limited); cat /proc/$pid/cgroup; "
        + "cat /sys/fs/cgroup$(sed -n 's/^0:://p' /proc/$pid/cgroup)/memory.max 2>/dev/null "
        + "|| cat /sys/fs/cgroup/memory$(sed -n 's/^[0-9]*:memory://p' /proc/$pid/cgroup)/memory.limit_in_bytes",
        needs = {Need.DOCKER, Need.NGINX_IMAGE, Need.ALPINE_IMAGE, Need.HOST_PROC, Need.CGROUP_LIMITS})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Q6CgroupsAreTheLimitsTest {

    /** Q6's {@code docker run -d --name limited --memory 64m --cpus 0.5 nginx}. */
    private final Subject limited;
    /** The allocation the kernel must stop: the suite's own, for a spec-only fact (none in the learner mode). */
    private final MemoryHog hog;
    private final HostFacts host;

    Q6CgroupsAreTheLimitsTest(@Page(LIMITED_NGINX) Subject limited, MemoryHog hog, HostFacts host) {
        this.limited = limited;
        this.hog = hog;
        this.host = host;
    }

    @Test
    @Order(1)
    @DisplayName("its PID is in a cgroup of its own, found from /proc/<pid>/cgroup, whose cgroup.procs lists it")
    void runs_in_a_cgroup_of_its_own(Evidence evidence) {
        long pid = limited.hostPid();
        Seen<CgroupDir> dir = host.cgroupDirOf(pid, CgroupController.MEMORY);
        LabAssertions.assertThat(dir).is("a memory cgroup of container " + limited.id(),
                d -> !d.isRoot() && d.cgroup().contains(limited.id()),
                d -> d.isRoot() ? "PID " + pid + " is in the root cgroup: no cgroup was made for the container" : null);
        LabAssertions.assertThat(host.cgroupProcs(dir.value()))
                .is("PID " + pid + " among the cgroup's processes", procs -> procs.contains(pid));
        evidence.record("container %s: host PID %d in cgroup %s", limited.name(), pid, dir);
    }

    @Test
    @Order(2)
    @DisplayName("its memory limit there is --memory 64m: 67108864 bytes")
    void the_memory_limit_is_a_file_of_its_cgroup(Evidence evidence) {
        Seen<MemoryLimit> limit = host.memoryLimit(cgroup(CgroupController.MEMORY));
        LabAssertions.assertThat(limit).is(LimitedNginx.MEMORY + " bytes (--memory 64m)", l -> l.is(LimitedNginx.MEMORY),
                l -> l.bytes() == null ? Hints.whyNoMemoryLimit(limited.inspect()) : null);
        evidence.record("%s: %s", limit.command(), limit);
    }

    @Test
    @Order(3)
    @DisplayName("its CPU limit there is --cpus 0.5: a quota of 50000 µs per 100000 µs")
    void the_cpu_limit_is_a_quota_of_its_cgroup(Evidence evidence) {
        Seen<CpuQuota> quota = host.cpuQuota(cgroup(CgroupController.CPU));
        LabAssertions.assertThat(quota).is(LimitedNginx.CPU_QUOTA + " " + LimitedNginx.CPU_PERIOD + " (--cpus 0.5)",
                q -> q.is(LimitedNginx.CPU_QUOTA, LimitedNginx.CPU_PERIOD),
                q -> q.quota() == null ? Hints.whyNoCpuQuota(limited.inspect()) : null);
        evidence.record("%s: %s", quota.command(), quota);
    }

    @Test
    @Order(4)
    @SpecOnly("docker update would change your container's limit")
    @DisplayName("docker update --memory 32m rewrites that same file, with no restart")
    void docker_update_rewrites_the_limit_in_place(Evidence evidence) {
        CgroupDir cgroup = cgroup(CgroupController.MEMORY);
        Instant startedAt = limited.inspect().startedAt();
        limited.updateMemory(LimitedNginx.UPDATED_MEMORY);

        LabAssertions.assertThat(host.memoryLimit(cgroup)).is(LimitedNginx.UPDATED_MEMORY
                + " bytes after docker update --memory 32m", l -> l.is(LimitedNginx.UPDATED_MEMORY));
        LabAssertions.assertThat(new Seen<>(limited.inspect().startedAt(), "docker inspect -f '{{.State.StartedAt}}' "
                + limited.name())).is("State.StartedAt " + startedAt + " as before: a restart would change it",
                startedAt::equals);
        evidence.record("after docker update --memory 32m: %s bytes in %s; StartedAt %s as before", LimitedNginx.UPDATED_MEMORY,
                cgroup, startedAt);
    }

    @Test
    @Order(5)
    @SpecOnly("it starts an allocation of its own, which the kernel kills")
    @DisplayName("the kernel enforces it: a process allocating past a 32 MiB limit is OOM-killed, exit code 137")
    void the_kernel_kills_what_allocates_past_the_limit(Evidence evidence) {
        // cgroup v2: the kernel's own count of OOM kills in the slice above the hog's cgroup, which outlives the hog's.
        CgroupDir slice = host.cgroupVersion() == CgroupVersion.V2
                ? host.cgroupDirOf(hog.getContainerInfo().getState().getPidLong(), CgroupController.MEMORY).value().parent() : null;
        Long killsBefore = slice == null ? null : host.oomKills(slice).value();
        hog.startAllocating();
        Waits.until("container " + hog.name() + " (docker run --memory 32m alpine sh -c 'tail /dev/zero') to end",
                MemoryHog.ENDS_WITHIN, () -> LabAssertions.assertThat(hog.exit()).is("it to end", e -> !e.running()));
        try {
            Waits.until("Docker to report how " + hog.name() + " ended", MemoryHog.REPORTED_WITHIN,
                    () -> LabAssertions.assertThat(hog.exit()).is("OOMKilled or an oom event", ContainerExit::reported));
        } catch (ConditionTimeoutException | AssertionError unreported) {
            // Killed, and Docker said nothing: the kernel's count tells (measured under load on Debian 13, Docker 26.1.5).
        }
        ContainerExit exit = hog.exit().value();
        if (!exit.killedByOom() && exit.exitCode() == ContainerExit.KILLED && killsBefore != null) {
            Seen<Long> killsAfter = host.oomKills(slice);
            LabAssertions.assertThat(killsAfter).is("more OOM kills in " + slice + " than the " + killsBefore + " before "
                    + "(Docker reported neither OOMKilled nor an oom event)", n -> n > killsBefore);
            evidence.record("%s: %s; the kernel's OOM killer killed it: %s oom_kill %d -> %d (Docker reported no OOM kill)",
                    hog.name(), exit, slice.file("memory.events"), killsBefore, killsAfter.value());
            return;
        }
        LabAssertions.assertThat(hog.exit()).is("exit code " + ContainerExit.KILLED + ", OOM-killed (OOMKilled true, or "
                + "docker events: oom)", ContainerExit::killedByOom, MemoryHog::whyNotOomKilled);
        evidence.record("%s: %s", hog.name(), hog.exit());
    }

    private CgroupDir cgroup(CgroupController controller) {
        return host.cgroupDirOf(limited.hostPid(), controller).value();
    }
}
