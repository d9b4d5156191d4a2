package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.parse.CgroupParser;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("CgroupMembership finds a container's cgroup directory for each controller, in every layout")
class CgroupMembershipTest {

    private static final String RECORDED = "a373a4ad69076e1138473fe0ed210b754c1c193b51a66368eb35974aeaed88bd";
    private static final String WRITTEN = "3f6f2b5e8c1d4a7b9e0c2d4f6a8b1c3e5d7f9a0b2c4e6f8a1b3d5f7e9c0a2b4d";

    private static CgroupDir dir(String fixture, CgroupVersion version, CgroupController controller) {
        return CgroupParser.membership(4242, Fixtures.text("cgroup/" + fixture)).dirOf(version, controller).orElseThrow();
    }

    @Test
    @DisplayName("v1 with cgroupfs (recorded here): /sys/fs/cgroup/memory/docker/<id>, and cpu under /sys/fs/cgroup/cpu")
    void v1_cgroupfs() {
        assertThat(dir("v1-cgroupfs-host-view-recorded.txt", CgroupVersion.V1, CgroupController.MEMORY))
                .hasToString("/sys/fs/cgroup/memory/docker/" + RECORDED);
        CgroupDir cpu = dir("v1-cgroupfs-host-view-recorded.txt", CgroupVersion.V1, CgroupController.CPU);
        assertThat(cpu.file("cpu.cfs_quota_us"))
                .isEqualTo("/sys/fs/cgroup/cpu/docker/" + RECORDED + "/cpu.cfs_quota_us");
    }

    @Test
    @DisplayName("v1 with cgroupfs, the hybrid host's unified line (0::) is not taken for a v1 controller")
    void v1_ignores_the_unified_line() {
        assertThat(dir("v1-cgroupfs-host-view-recorded.txt", CgroupVersion.V1, CgroupController.MEMORY).hierarchy())
                .isEqualTo("/sys/fs/cgroup/memory");
    }

    @Test
    @DisplayName("v1 with systemd (written): .../system.slice/docker-<id>.scope, cpu in the co-mounted cpu,cpuacct")
    void v1_systemd() {
        assertThat(dir("v1-systemd.txt", CgroupVersion.V1, CgroupController.MEMORY))
                .hasToString("/sys/fs/cgroup/memory/system.slice/docker-" + WRITTEN + ".scope");
        assertThat(dir("v1-systemd.txt", CgroupVersion.V1, CgroupController.CPU))
                .hasToString("/sys/fs/cgroup/cpu,cpuacct/system.slice/docker-" + WRITTEN + ".scope");
    }

    @Test
    @DisplayName("v2 with systemd (written): /sys/fs/cgroup/system.slice/docker-<id>.scope, one dir for every controller")
    void v2_systemd() {
        CgroupDir memory = dir("v2-systemd.txt", CgroupVersion.V2, CgroupController.MEMORY);

        assertThat(memory).hasToString("/sys/fs/cgroup/system.slice/docker-" + WRITTEN + ".scope")
                .isEqualTo(dir("v2-systemd.txt", CgroupVersion.V2, CgroupController.CPU));
        assertThat(memory.file("memory.max")).endsWith(".scope/memory.max");
    }

    @Test
    @DisplayName("v2 with cgroupfs (written): /sys/fs/cgroup/docker/<id>")
    void v2_cgroupfs() {
        assertThat(dir("v2-cgroupfs.txt", CgroupVersion.V2, CgroupController.MEMORY))
                .hasToString("/sys/fs/cgroup/docker/" + WRITTEN);
    }

    @Test
    @DisplayName("a private cgroup namespace read from inside (recorded v1, written v2) is the root: no cgroup of its own")
    void private_namespace_from_inside_is_the_root() {
        CgroupDir v1 = dir("v1-cgroupfs-private-ns-inside-recorded.txt", CgroupVersion.V1, CgroupController.MEMORY);
        CgroupDir v2 = dir("v2-private-ns-inside.txt", CgroupVersion.V2, CgroupController.MEMORY);

        assertThat(v1.isRoot()).isTrue();
        assertThat(v1).hasToString("/sys/fs/cgroup/memory");
        assertThat(v2.isRoot()).isTrue();
        assertThat(v2).hasToString("/sys/fs/cgroup");
    }

    @Test
    @DisplayName("the same private-namespace container read from the host (recorded) resolves to its own cgroup")
    void private_namespace_from_the_host() {
        CgroupDir dir = dir("v1-cgroupfs-private-ns-host-view-recorded.txt", CgroupVersion.V1, CgroupController.MEMORY);

        assertThat(dir.isRoot()).isFalse();
        assertThat(dir.cgroup()).startsWith("/docker/");
    }

    @Test
    @DisplayName("a v1 host without the controller's line resolves to nothing, not to a guess")
    void no_line_no_dir() {
        assertThat(CgroupParser.membership(1, "1:name=systemd:/docker/x\n").dirOf(CgroupVersion.V1, CgroupController.MEMORY))
                .isEmpty();
    }
}
