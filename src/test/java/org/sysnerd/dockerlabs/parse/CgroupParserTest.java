package org.sysnerd.dockerlabs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.facts.CgroupMembership;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.MemoryLimit;

@DisplayName("CgroupParser reads /proc/<pid>/cgroup, cgroup.procs and the memory and CPU limit files")
class CgroupParserTest {

    private static final String PERIOD = "v1-cpu.cfs_period_us-recorded.txt";
    private static final String RECORDED_ID = "a373a4ad69076e1138473fe0ed210b754c1c193b51a66368eb35974aeaed88bd";

    private static CgroupMembership membership(String fixture) {
        return CgroupParser.membership(4242, Fixtures.text("cgroup/" + fixture));
    }

    private static String limit(String fixture) {
        return Fixtures.text("cgroup/limits/" + fixture);
    }

    @Test
    @DisplayName("v1 with cgroupfs (recorded): one line per hierarchy, the unified one (0::) last, each with its path")
    void v1_cgroupfs_lines() {
        CgroupMembership membership = membership("v1-cgroupfs-host-view-recorded.txt");

        assertThat(membership.lines()).hasSize(10);
        assertThat(membership.lines().get(5)).hasToString("4:memory:/docker/" + RECORDED_ID);
        assertThat(membership.lines().get(9).controllers()).isEmpty();
        assertThat(membership.lines()).extracting(CgroupMembership.Line::path).containsOnly("/docker/" + RECORDED_ID);
    }

    @Test
    @DisplayName("v1 with systemd (written): co-mounted controllers (cpu,cpuacct) are split, the named hierarchy kept")
    void v1_systemd_co_mounted_controllers() {
        CgroupMembership membership = membership("v1-systemd.txt");

        assertThat(membership.lines()).filteredOn(l -> l.hierarchy() == 3).singleElement()
                .satisfies(l -> assertThat(l.controllers()).containsExactly("cpu", "cpuacct"));
        assertThat(membership.lines()).filteredOn(l -> l.hierarchy() == 1).singleElement()
                .satisfies(l -> assertThat(l.controllers()).containsExactly("name=systemd"));
    }

    @Test
    @DisplayName("v2 (written): one line, 0::<path>, no controllers")
    void v2_one_line() {
        assertThat(membership("v2-systemd.txt").lines()).singleElement()
                .satisfies(l -> assertThat(l.hierarchy()).isZero())
                .satisfies(l -> assertThat(l.controllers()).isEmpty())
                .satisfies(l -> assertThat(l.path()).startsWith("/system.slice/docker-").endsWith(".scope"));
    }

    @Test
    @DisplayName("inside a private cgroup namespace (recorded, v1) every path is /")
    void private_namespace_from_inside() {
        assertThat(membership("v1-cgroupfs-private-ns-inside-recorded.txt").lines()).hasSize(10)
                .extracting(CgroupMembership.Line::path).containsOnly("/");
    }

    @Test
    @DisplayName("the same container from the host's namespace (recorded) has its full paths")
    void private_namespace_from_the_host() {
        assertThat(membership("v1-cgroupfs-private-ns-host-view-recorded.txt").lines())
                .extracting(CgroupMembership.Line::path).allMatch(p -> p.startsWith("/docker/"));
    }

    @Test
    @DisplayName("read from another cgroup namespace (recorded v1, written v2), the paths begin /.. and say so")
    void read_from_another_namespace() {
        assertThat(membership("v1-cgroupfs-read-from-another-namespace-recorded.txt").readFromAnotherCgroupNamespace())
                .isTrue();
        assertThat(membership("v2-read-from-another-namespace.txt").readFromAnotherCgroupNamespace()).isTrue();
        assertThat(membership("v1-cgroupfs-host-view-recorded.txt").readFromAnotherCgroupNamespace()).isFalse();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "memory:/docker/x", "x:memory:/docker/x", "4:memory:docker/x"})
    @DisplayName("text that is not /proc/<pid>/cgroup is refused, never read as no cgroup")
    void refuses_what_is_not_a_cgroup_file(String text) {
        assertThatThrownBy(() -> CgroupParser.membership(1, text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("cgroup.procs (recorded): nginx's master and its two workers")
    void procs() {
        assertThat(CgroupParser.procs(limit("v1-cgroup.procs-nginx-recorded.txt"))).containsExactly(8856L, 8916L, 8917L);
    }

    @Test
    @DisplayName("memory limits: v1 bytes (recorded 64m, 32m after docker update), v2 memory.max bytes (written)")
    void memory_limits_in_bytes() {
        assertThat(CgroupParser.memoryLimit(limit("v1-memory.limit_in_bytes-64m-recorded.txt")).bytes())
                .isEqualTo(67108864L);
        assertThat(CgroupParser.memoryLimit(limit("v1-memory.limit_in_bytes-after-update-32m-recorded.txt")).bytes())
                .isEqualTo(33554432L);
        assertThat(CgroupParser.memoryLimit(limit("v2-memory.max-64m.txt"))).hasToString("67108864 (64 MiB)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v1-memory.limit_in_bytes-no-limit-recorded.txt",
            "v1-memory.limit_in_bytes-no-limit-64k-pages.txt", "v2-memory.max-no-limit.txt"})
    @DisplayName("no memory limit: v1's huge default (4 KiB or 64 KiB pages) and v2's max, shown as seen")
    void no_memory_limit(String fixture) {
        MemoryLimit limit = CgroupParser.memoryLimit(limit(fixture));

        assertThat(limit.bytes()).isNull();
        assertThat(limit.toString()).isEqualTo(limit(fixture).strip() + " (no limit)");
    }

    @Test
    @DisplayName("CPU quota: v1 cfs_quota_us/cfs_period_us (recorded) and v2 cpu.max (written) both read 50000 per 100000")
    void cpu_quota() {
        CpuQuota v1 = CgroupParser.cfsQuota(limit("v1-cpu.cfs_quota_us-half-cpu-recorded.txt"), limit(PERIOD));
        CpuQuota v2 = CgroupParser.cpuMax(limit("v2-cpu.max-half-cpu.txt"));

        assertThat(v1).isEqualTo(new CpuQuota(50000L, 100000)).isEqualTo(v2).hasToString("50000 100000 (0.5 CPU)");
    }

    @Test
    @DisplayName("no CPU quota: v1's -1 (recorded) and v2's max (written)")
    void no_cpu_quota() {
        CpuQuota v1 = CgroupParser.cfsQuota(limit("v1-cpu.cfs_quota_us-no-limit-recorded.txt"), limit(PERIOD));
        CpuQuota v2 = CgroupParser.cpuMax(limit("v2-cpu.max-no-limit.txt"));

        assertThat(List.of(v1, v2)).allSatisfy(q -> assertThat(q.quota()).isNull()).containsOnly(new CpuQuota(null, 100000));
        assertThat(v2).hasToString("max 100000 (no limit)");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "64m", "50000", "max max"})
    @DisplayName("a cpu.max that is not <quota|max> <period> is refused")
    void refuses_a_malformed_cpu_max(String text) {
        assertThatThrownBy(() -> CgroupParser.cpuMax(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
