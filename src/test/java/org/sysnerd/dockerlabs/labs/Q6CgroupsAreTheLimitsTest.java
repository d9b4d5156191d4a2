package org.sysnerd.dockerlabs.labs;

import static org.sysnerd.dockerlabs.subject.PageContainer.LIMITED_NGINX;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sysnerd.dockerlabs.docker.LimitedNginx;
import org.sysnerd.dockerlabs.docker.MemoryHog;
import org.sysnerd.dockerlabs.facts.CgroupController;
import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.MemoryLimit;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.junit.Evidence;
import org.sysnerd.dockerlabs.junit.Page;
import org.sysnerd.dockerlabs.junit.SpecOnly;
import org.sysnerd.dockerlabs.lessons.LabAssertions;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.HostFacts;
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

        LabAssertions.assertThatCgroup(dir).isTheContainers(limited.id(), pid).listsAmongItsProcesses(host, pid);
        evidence.record("container %s: host PID %d in cgroup %s", limited.name(), pid, dir);
    }

    @Test
    @Order(2)
    @DisplayName("its memory limit there is --memory 64m: 67108864 bytes")
    void the_memory_limit_is_a_file_of_its_cgroup(Evidence evidence) {
        Seen<MemoryLimit> limit = host.memoryLimit(cgroup(CgroupController.MEMORY));

        LabAssertions.assertThatMemoryLimit(limit, limited).is(LimitedNginx.MEMORY, "--memory 64m");
        evidence.record("%s: %s", limit.command(), limit);
    }

    @Test
    @Order(3)
    @DisplayName("its CPU limit there is --cpus 0.5: a quota of 50000 µs per 100000 µs")
    void the_cpu_limit_is_a_quota_of_its_cgroup(Evidence evidence) {
        Seen<CpuQuota> quota = host.cpuQuota(cgroup(CgroupController.CPU));

        LabAssertions.assertThatCpuQuota(quota, limited).is(LimitedNginx.CPU_QUOTA, LimitedNginx.CPU_PERIOD, "--cpus 0.5");
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

        LabAssertions.assertThatMemoryLimit(host.memoryLimit(cgroup), limited)
                .wasRewrittenTo(LimitedNginx.UPDATED_MEMORY, "docker update --memory 32m");
        LabAssertions.assertThat(limited).wasNotRestartedSince(startedAt);
        evidence.record("after docker update --memory 32m: %s bytes in %s; StartedAt %s as before", LimitedNginx.UPDATED_MEMORY,
                cgroup, startedAt);
    }

    @Test
    @Order(5)
    @SpecOnly("it starts an allocation of its own, which the kernel kills")
    @DisplayName("the kernel enforces it: a process allocating past a 32 MiB limit is OOM-killed, exit code 137")
    void the_kernel_kills_what_allocates_past_the_limit(Evidence evidence) {
        String killed = LabAssertions.assertThat(hog, host).isKilledByTheKernelOnceItAllocates();
        evidence.record("%s", killed);
    }

    private CgroupDir cgroup(CgroupController controller) {
        return host.cgroupDirOf(limited.hostPid(), controller).value();
    }
}
