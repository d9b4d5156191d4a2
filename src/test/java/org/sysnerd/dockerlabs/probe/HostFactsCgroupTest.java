package org.sysnerd.dockerlabs.probe;

import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sysnerd.dockerlabs.facts.CgroupController;
import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.CgroupVersion;
import org.sysnerd.dockerlabs.facts.CpuQuota;

/** HostFacts' cgroup reads on hosts made of fixture files: which files it reads, and what it makes of them. */
@DisplayName("HostFacts reads a container's cgroup and its limits where each layout keeps them")
class HostFactsCgroupTest {

    private static final long PID = 4242;
    private static final String RECORDED = "/docker/a373a4ad69076e1138473fe0ed210b754c1c193b51a66368eb35974aeaed88bd";
    private static final String WRITTEN = "3f6f2b5e8c1d4a7b9e0c2d4f6a8b1c3e5d7f9a0b2c4e6f8a1b3d5f7e9c0a2b4d";
    private static final String DEBIAN13 = "091ee093d6021e97d376dc13c4834555ec3585ea4311044ea069e228cef28ba4";
    private static final String V2_SCOPE = "/sys/fs/cgroup/system.slice/docker-" + WRITTEN + ".scope";

    private static HostFacts v1Cgroupfs() {
        String memory = "/sys/fs/cgroup/memory" + RECORDED;
        String cpu = "/sys/fs/cgroup/cpu" + RECORDED;
        return new HostFacts(FixtureHost.withFiles(Map.of("/proc/4242/cgroup", "cgroup/v1-cgroupfs-host-view-recorded.txt",
                memory + "/memory.limit_in_bytes", "cgroup/limits/v1-memory.limit_in_bytes-64m-recorded.txt",
                memory + "/cgroup.procs", "cgroup/limits/v1-cgroup.procs-nginx-recorded.txt",
                cpu + "/cpu.cfs_quota_us", "cgroup/limits/v1-cpu.cfs_quota_us-half-cpu-recorded.txt",
                cpu + "/cpu.cfs_period_us", "cgroup/limits/v1-cpu.cfs_period_us-recorded.txt")));
    }

    private static HostFacts v2Systemd(String procCgroup) {
        return new HostFacts(FixtureHost.withFiles(Map.of("/proc/4242/cgroup", "cgroup/" + procCgroup,
                "/sys/fs/cgroup/cgroup.controllers", "cgroup/limits/v2-cpu.max-half-cpu.txt",
                V2_SCOPE + "/memory.max", "cgroup/limits/v2-memory.max-no-limit.txt",
                V2_SCOPE + "/cpu.max", "cgroup/limits/v2-cpu.max-half-cpu.txt")));
    }

    @Test
    @DisplayName("cgroup v1 with cgroupfs (recorded): memory.limit_in_bytes under memory/, the quota under cpu/")
    void v1_cgroupfs_limits() {
        HostFacts host = v1Cgroupfs();
        CgroupDir memory = host.cgroupDirOf(PID, CgroupController.MEMORY).value();

        assertThat(host.cgroupVersion()).isEqualTo(CgroupVersion.V1);
        assertThat(host.memoryLimit(memory).value().bytes()).isEqualTo(64L << 20);
        assertThat(host.memoryLimit(memory).command())
                .isEqualTo("cat /sys/fs/cgroup/memory" + RECORDED + "/memory.limit_in_bytes");
        assertThat(host.cpuQuota(host.cgroupDirOf(PID, CgroupController.CPU).value()).value())
                .isEqualTo(new CpuQuota(50000L, 100000));
        assertThat(host.cgroupProcs(memory).value()).contains(8856L);
    }

    @Test
    @DisplayName("cgroup v2 with systemd (written): memory.max and cpu.max in the scope's one directory")
    void v2_systemd_limits() {
        HostFacts host = v2Systemd("v2-systemd.txt");
        CgroupDir dir = host.cgroupDirOf(PID, CgroupController.MEMORY).value();

        assertThat(host.cgroupVersion()).isEqualTo(CgroupVersion.V2);
        assertThat(dir).hasToString(V2_SCOPE);
        assertThat(host.memoryLimit(dir).value()).hasToString("max (no limit)");
        assertThat(host.cpuQuota(dir).value()).isEqualTo(new CpuQuota(50000L, 100000));
        assertThat(host.cgroupDirOf(PID, CgroupController.CPU).command()).isEqualTo("cat /proc/4242/cgroup | grep '^0::'");
    }

    @Test
    @DisplayName("cgroup v2 with systemd (recorded on a booted Debian 13, Docker 26.1.5, --memory 64m --cpus 0.5)")
    void v2_systemd_recorded() {
        String scope = "/sys/fs/cgroup/system.slice/docker-" + DEBIAN13 + ".scope";
        HostFacts host = new HostFacts(FixtureHost.withFiles(Map.of("/proc/4242/cgroup", "cgroup/v2-systemd-debian13-recorded.txt",
                "/sys/fs/cgroup/cgroup.controllers", "cgroup/limits/v2-cpu.max-half-cpu.txt",
                scope + "/memory.max", "cgroup/limits/v2-memory.max-64m-debian13-recorded.txt",
                scope + "/cpu.max", "cgroup/limits/v2-cpu.max-half-cpu-debian13-recorded.txt")));
        CgroupDir dir = host.cgroupDirOf(PID, CgroupController.MEMORY).value();

        assertThat(host.cgroupVersion()).isEqualTo(CgroupVersion.V2);
        assertThat(dir).hasToString(scope).isEqualTo(host.cgroupDirOf(PID, CgroupController.CPU).value());
        assertThat(host.memoryLimit(dir).value().bytes()).isEqualTo(64L << 20);
        assertThat(host.cpuQuota(dir).value()).isEqualTo(new CpuQuota(50000L, 100000));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rootful,  /sys/fs/cgroup/machine.slice/libpod-5529781bcb148352c64267a932818e05a96fd34d946d9242dcc2e0fda115cd77.scope/container",
            "rootless, /sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-2023fecc6451bdb9ca339c4765417d6f9a3c665260f8971a0c733795c8e8b457.scope/container",
    })
    @DisplayName("cgroup v2 under Podman 5.4 (recorded on the Debian 13 VM, --memory 64m --cpus 0.5): the container's"
            + " cgroup is the `container` leaf of its libpod-<id>.scope, and the limits are there")
    void v2_podman_recorded(String mode, String leaf) {
        HostFacts host = new HostFacts(FixtureHost.withFiles(Map.of(
                "/proc/4242/cgroup", "cgroup/v2-podman-5.4-" + mode + "-debian13-recorded.txt",
                "/sys/fs/cgroup/cgroup.controllers", "cgroup/limits/v2-cpu.max-half-cpu.txt",
                leaf + "/memory.max", "cgroup/limits/v2-memory.max-64m-debian13-recorded.txt",
                leaf + "/cpu.max", "cgroup/limits/v2-cpu.max-half-cpu-debian13-recorded.txt")));
        CgroupDir dir = host.cgroupDirOf(PID, CgroupController.MEMORY).value();

        assertThat(dir).hasToString(leaf).isEqualTo(host.cgroupDirOf(PID, CgroupController.CPU).value());
        assertThat(dir.parent().toString()).endsWith(".scope").contains("libpod-");
        assertThat(host.memoryLimit(dir).value().bytes()).isEqualTo(64L << 20);
        assertThat(host.cpuQuota(dir).value()).isEqualTo(new CpuQuota(50000L, 100000));
    }

    @Test
    @DisplayName("cgroup v2: the OOM kills under a scope's slice, from the slice's memory.events (recorded on Debian 13 after Q6 ran there)")
    void v2_oom_kills_of_the_slice() {
        HostFacts host = new HostFacts(FixtureHost.withFiles(Map.of("/proc/4242/cgroup", "cgroup/v2-systemd-debian13-recorded.txt",
                "/sys/fs/cgroup/cgroup.controllers", "cgroup/limits/v2-cpu.max-half-cpu.txt",
                "/sys/fs/cgroup/system.slice/memory.events", "cgroup/limits/v2-memory.events-system.slice-debian13-recorded.txt")));
        CgroupDir slice = host.cgroupDirOf(PID, CgroupController.MEMORY).value().parent();

        assertThat(slice).hasToString("/sys/fs/cgroup/system.slice");
        assertThat(host.oomKills(slice).value()).isEqualTo(2);
        assertThat(host.oomKills(slice).command()).isEqualTo("grep oom_kill /sys/fs/cgroup/system.slice/memory.events");
        assertThat(slice.parent()).hasToString("/sys/fs/cgroup").isEqualTo(slice.parent().parent());
    }

    @Test
    @DisplayName("paths read from another cgroup namespace (/..) are not resolved: the fact is unavailable, not failed")
    void another_namespace_is_unavailable() {
        assertThatThrownBy(() -> v2Systemd("v2-read-from-another-namespace.txt").cgroupsOf(PID))
                .isInstanceOf(HostFactUnavailable.class).hasMessageContaining("/..");
    }

    @Test
    @DisplayName("a v1 host whose /proc/<pid>/cgroup has no line for the controller: unavailable, as not mounted")
    void missing_controller_is_unavailable() {
        HostFacts v1 = new HostFacts(FixtureHost.withFiles(Map.of("/proc/4242/cgroup", "cgroup/v2-cgroupfs.txt")));

        assertThatThrownBy(() -> v1.cgroupDirOf(PID, CgroupController.MEMORY)).isInstanceOf(HostFactUnavailable.class)
                .hasMessageContaining("not mounted");
    }
}
