package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.probe.FirewallBackend;

@DisplayName("EngineInfo reads what the facts depend on out of `docker info` JSON")
class EngineInfoTest {

    private static EngineInfo info(String fixture) {
        return EngineInfo.fromJson(Fixtures.json("docker-info/" + fixture));
    }

    @Test
    @DisplayName("Docker 20.10 (recorded): version, overlay2 graph driver, data root")
    void docker_20_10_basics() {
        EngineInfo info = info("docker-20.10-recorded.json");

        assertThat(info.serverVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(info.storageDriver() + " in " + info.dockerRootDir()).isEqualTo("overlay2 in /var/lib/docker");
    }

    @Test
    @DisplayName("Docker 20.10 (recorded): cgroup v1 with the cgroupfs driver")
    void docker_20_10_cgroups() {
        EngineInfo info = info("docker-20.10-recorded.json");

        assertThat(info.cgroupVersion()).isEqualTo("1");
        assertThat(info.cgroupDriver()).isEqualTo("cgroupfs");
    }

    @Test
    @DisplayName("Docker 20.10 (recorded) reports no FirewallBackend: iptables")
    void docker_20_10_is_iptables() {
        assertThat(info("docker-20.10-recorded.json").firewallBackend()).isEqualTo(FirewallBackend.IPTABLES);
    }

    @Test
    @DisplayName("Docker 20.10 (recorded): the one-line summary for the report")
    void docker_20_10_summary() {
        assertThat(info("docker-20.10-recorded.json").summary())
                .isEqualTo("Docker 20.10.24+dfsg1 · overlay2 · cgroup v1 · iptables");
    }

    @Test
    @DisplayName("Docker 28 reports FirewallBackend.Driver iptables")
    void docker_28_reports_iptables() {
        assertThat(info("docker-28-iptables.json").firewallBackend()).isEqualTo(FirewallBackend.IPTABLES);
    }

    @Test
    @DisplayName("Docker 29 with nftables reports FirewallBackend.Driver nftables")
    void docker_29_reports_nftables() {
        assertThat(info("docker-29-containerd-nftables.json").firewallBackend()).isEqualTo(FirewallBackend.NFTABLES);
    }

    @Test
    @DisplayName("Docker 29 with the containerd image store: driver-type io.containerd.snapshotter.v1, Driver overlayfs")
    void docker_29_uses_the_containerd_store() {
        EngineInfo info = info("docker-29-containerd-nftables.json");

        assertThat(info.driverType()).isEqualTo("io.containerd.snapshotter.v1");
        assertThat(info.storageDriver()).isEqualTo("overlayfs");
    }

    @Test
    @DisplayName("Podman reports no FirewallBackend (read as iptables) and CgroupVersion 2")
    void podman_fields() {
        EngineInfo info = info("podman.json");

        assertThat(info.firewallBackend()).isEqualTo(FirewallBackend.IPTABLES);
        assertThat(info.cgroupVersion()).isEqualTo("2");
    }

    @ParameterizedTest(name = "{0}: containerd store {1}, rootless {2}, Docker Desktop {3}")
    @CsvSource({
            "docker-20.10-recorded.json,         false, false, false",
            "docker-28-iptables.json,            false, false, false",
            "docker-29-containerd-nftables.json, true,  false, false",
            "rootless.json,                      false, true,  false",
            "docker-desktop.json,                false, false, true",
            "podman.json,                        false, false, false"})
    @DisplayName("the set-up is told apart by DriverStatus, SecurityOptions name=rootless and OperatingSystem")
    void tells_the_setup_apart(String fixture, boolean containerdStore, boolean rootless, boolean desktop) {
        EngineInfo info = info(fixture);

        assertThat(new boolean[] {info.containerdStore(), info.rootless(), info.desktop()})
                .containsExactly(containerdStore, rootless, desktop);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "docker-28-iptables.json,            Docker 28.3.3 · overlay2 · cgroup v2 · iptables",
            "docker-29-containerd-nftables.json, Docker 29.0.2 · overlayfs (containerd store) · cgroup v2 · nftables",
            "rootless.json,                      Docker 28.3.3 · overlay2 · cgroup v2 · iptables · rootless",
            "docker-desktop.json,                Docker 28.3.3 · overlay2 · cgroup v2 · iptables · Docker Desktop"})
    @DisplayName("the summary names what differs from a plain host")
    void the_summary_names_the_setup(String fixture, String summary) {
        assertThat(info(fixture).summary()).isEqualTo(summary);
    }

    @Test
    @DisplayName("without CgroupVersion (engines before 20.10) the cgroup version is 1")
    void without_cgroup_version_it_is_1() {
        Map<String, Object> json = new HashMap<>(Fixtures.json("docker-info/docker-20.10-recorded.json"));
        json.remove("CgroupVersion");

        assertThat(EngineInfo.fromJson(json).cgroupVersion()).isEqualTo("1");
    }
}
