package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sysnerd.dockerlabs.facts.FirewallBackend;
import org.sysnerd.dockerlabs.parse.Fixtures;

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
                .isEqualTo("Docker 20.10.24+dfsg1 · overlay2 · cgroup v1 (cgroupfs) · iptables");
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
    @DisplayName("Docker 29.7.2 with nftables (recorded), asked at API 1.44, leaves FirewallBackend out: read as iptables")
    void docker_29_at_api_1_44_does_not_say_nftables() {
        assertThat(info("docker-29.7.2-nftables-v1.44-recorded.json").firewallBackend()).isEqualTo(FirewallBackend.IPTABLES);
    }

    @Test
    @DisplayName("Docker 29.7.2 with nftables (recorded), asked at API 1.49: nftables, and the engine line says so")
    void docker_29_at_api_1_49_says_nftables() {
        assertThat(info("docker-29.7.2-nftables-v1.49-recorded.json").summary())
                .isEqualTo("Docker 29.7.2 · overlayfs (containerd store) · cgroup v1 (cgroupfs) · nftables");
    }

    @Test
    @DisplayName("Docker 29 with the containerd image store: driver-type io.containerd.snapshotter.v1, Driver overlayfs")
    void docker_29_uses_the_containerd_store() {
        EngineInfo info = info("docker-29-containerd-nftables.json");

        assertThat(info.driverType()).isEqualTo("io.containerd.snapshotter.v1");
        assertThat(info.storageDriver()).isEqualTo("overlayfs");
    }

    @Test
    @DisplayName("Podman 5 (written) reports no FirewallBackend: its NAT rules are netavark's; CgroupVersion 2")
    void podman_fields() {
        EngineInfo info = info("podman.json");

        assertThat(info.firewallBackend()).isEqualTo(FirewallBackend.NETAVARK);
        assertThat(info.cgroupVersion()).isEqualTo("2");
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded): told apart by BuildahVersion, which Docker's /info never has")
    void podman_recorded_is_podman() {
        assertThat(info("podman-4.3.1-recorded.json").podman()).isTrue();
        assertThat(info("docker-20.10-recorded.json").podman()).isFalse();
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded): its `docker version` names a Podman Engine of the same version")
    @SuppressWarnings("unchecked")
    void podman_recorded_version_agrees() {
        List<Map<String, Object>> components = (List<Map<String, Object>>)
                Fixtures.json("docker-version/podman-4.3.1-recorded.json").get("Components");

        assertThat(components).anySatisfy(c -> assertThat(c).containsEntry("Name", "Podman Engine")
                .containsEntry("Version", info("podman-4.3.1-recorded.json").serverVersion()));
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded): named Podman, overlay in /var/lib/containers/storage, netavark, cgroup v1")
    void podman_recorded_summary() {
        EngineInfo info = info("podman-4.3.1-recorded.json");

        assertThat(info.summary()).isEqualTo("Podman 4.3.1 · overlay · cgroup v1 (cgroupfs) · netavark");
        assertThat(info.storageDriver() + " in " + info.dockerRootDir()).isEqualTo("overlay in /var/lib/containers/storage");
    }

    @ParameterizedTest(name = "{0}: {1} init layer(s)")
    @CsvSource({
            "docker-20.10-recorded.json, 1",
            "docker-28-iptables.json,    1",
            "podman-4.3.1-recorded.json, 0",
            "podman.json,                0"})
    @DisplayName("a container's lower dirs are its image's layers plus Docker's init layer; Podman has none")
    void init_layers(String fixture, int initLayers) {
        assertThat(info(fixture).initLayers()).isEqualTo(initLayers);
    }

    @Test
    @DisplayName("rootless Podman says so in Rootless: true, read as rootless")
    void rootless_podman() {
        Map<String, Object> json = new HashMap<>(Fixtures.json("docker-info/podman-4.3.1-recorded.json"));
        json.put("Rootless", true);

        assertThat(EngineInfo.fromJson(json).rootless()).isTrue();
        assertThat(info("podman-4.3.1-recorded.json").rootless()).isFalse();
    }

    @Test
    @DisplayName("127.0.0.1's path is explained in the engine's own terms (traffic without a rule: DnatRulesAssertTest)")
    void engine_terms() {
        assertThat(info("docker-20.10-recorded.json").loopbackPath(8080)).contains("docker-proxy");
        assertThat(info("podman-4.3.1-recorded.json").loopbackPath(8080)).contains("same rule").doesNotContain("docker-proxy");
    }

    @ParameterizedTest(name = "{0}: containerd store {1}, rootless {2}, Docker Desktop {3}")
    @CsvSource({
            "docker-20.10-recorded.json,         false, false, false",
            "docker-28-iptables.json,            false, false, false",
            "docker-29-containerd-nftables.json, true,  false, false",
            "rootless.json,                      false, true,  false",
            "docker-desktop.json,                false, false, true",
            "podman.json,                        false, false, false",
            "podman-4.3.1-recorded.json,         false, false, false"})
    @DisplayName("the set-up is told apart by DriverStatus, SecurityOptions name=rootless and OperatingSystem")
    void tells_the_setup_apart(String fixture, boolean containerdStore, boolean rootless, boolean desktop) {
        EngineInfo info = info(fixture);

        assertThat(new boolean[] {info.containerdStore(), info.rootless(), info.desktop()})
                .containsExactly(containerdStore, rootless, desktop);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "docker-28-iptables.json,            Docker 28.3.3 · overlay2 · cgroup v2 (systemd) · AppArmor · iptables",
            "docker-29-containerd-nftables.json, Docker 29.0.2 · overlayfs (containerd store) · cgroup v2 (systemd) · AppArmor · nftables",
            "rootless.json,                      Docker 28.3.3 · overlay2 · cgroup v2 (systemd) · iptables · rootless",
            "docker-desktop.json,                Docker 28.3.3 · overlay2 · cgroup v2 (cgroupfs) · iptables · Docker Desktop",
            "podman.json,                        Podman 5.3.1 · overlay · cgroup v2 (systemd) · netavark"})
    @DisplayName("the summary names what differs from a plain host")
    void the_summary_names_the_setup(String fixture, String summary) {
        assertThat(info(fixture).summary()).isEqualTo(summary);
    }

    @Test
    @DisplayName("Debian 13's Docker 26.1 (recorded on a booted VM): cgroup v2, systemd driver, AppArmor, no FirewallBackend: iptables")
    void debian_13_booted() {
        EngineInfo info = info("docker-26.1-debian13-systemd-apparmor-recorded.json");

        assertThat(info.serverVersion() + " " + info.kernelVersion()).isEqualTo("26.1.5+dfsg1 6.12.117+deb13-amd64");
        assertThat(info.cgroupVersion() + " " + info.cgroupDriver()).isEqualTo("2 systemd");
        assertThat(info.appArmor()).isTrue();
        assertThat(info.firewallBackend()).isEqualTo(FirewallBackend.IPTABLES);
    }

    @ParameterizedTest(name = "{0}: AppArmor {1}")
    @CsvSource({
            "docker-26.1-debian13-systemd-apparmor-recorded.json, true",
            "docker-20.10-recorded.json,                          false",
            "podman-4.3.1-recorded.json,                          false"})
    @DisplayName("AppArmor is told by SecurityOptions name=apparmor")
    void apparmor(String fixture, boolean appArmor) {
        assertThat(info(fixture).appArmor()).isEqualTo(appArmor);
    }

    @Test
    @DisplayName("Debian 13 (recorded on the booted VM): the summary names cgroup v2 (systemd), AppArmor and iptables-nft")
    void debian_13_summary() {
        EngineInfo info = info("docker-26.1-debian13-systemd-apparmor-recorded.json")
                .withIptables(Fixtures.text("iptables/debian13-version-recorded.txt"));

        assertThat(info.summary()).isEqualTo("Docker 26.1.5+dfsg1 · overlay2 · cgroup v2 (systemd) · AppArmor · iptables-nft");
        assertThat(info.withIptables(null).summary()).endsWith(" · AppArmor · iptables");
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "iptables v1.8.11 (nf_tables)      | iptables-nft",
            "iptables v1.8.9 (nf_tables)       | iptables-nft",
            "iptables v1.8.9 (legacy)          | iptables-legacy",
            "iptables v1.6.1                   | iptables-legacy",
            "sh: iptables: not found           | ",
            "iptables v1.8.7                   | "})
    @DisplayName("iptables --version tells iptables-nft from iptables-legacy (before 1.8 there was only legacy)")
    void iptables_variant(String version, String variant) {
        assertThat(FirewallBackend.iptablesVariant(version)).isEqualTo(variant);
    }

    @Test
    @DisplayName("the variant names the firewall only where the backend is iptables (Podman's netavark stays netavark)")
    void variant_only_for_iptables() {
        assertThat(info("podman-4.3.1-recorded.json").withIptables("iptables v1.8.9 (nf_tables)").firewall()).isEqualTo("netavark");
        assertThat(info("docker-29-containerd-nftables.json").withIptables("iptables v1.8.9 (nf_tables)").firewall())
                .isEqualTo("nftables");
        assertThat(info("docker-20.10-recorded.json").withIptables("iptables v1.8.9 (nf_tables)").firewall())
                .isEqualTo("iptables-nft");
    }

    @Test
    @DisplayName("without CgroupVersion (engines before 20.10) the cgroup version is 1")
    void without_cgroup_version_it_is_1() {
        Map<String, Object> json = new HashMap<>(Fixtures.json("docker-info/docker-20.10-recorded.json"));
        json.remove("CgroupVersion");

        assertThat(EngineInfo.fromJson(json).cgroupVersion()).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rootful", "rootless"})
    @DisplayName("Podman 5.4 on Debian 13 (recorded): its Docker-compatible /info says CpuCfsQuota false, libpod's info"
            + " names the cpu and memory controllers its containers get (they got cpu.max 50000 100000): libpod's word wins")
    void podman_5_limits_from_libpod(String mode) {
        EngineInfo compatible = info("podman-5.4-debian13-" + mode + "-recorded.json");
        assertThat(compatible.cpuCfsQuota()).as("the compatible /info").isFalse();

        EngineInfo told = compatible.withLibpodInfo(Fixtures.json("libpod-info/podman-5.4-debian13-" + mode + "-recorded.json"));
        assertThat(told.memoryLimit()).isTrue();
        assertThat(told.cpuCfsQuota()).isTrue();
        assertThat(told.rootless()).isEqualTo(mode.equals("rootless"));
        assertThat(told.appArmor()).isTrue();
    }

    @Test
    @DisplayName("without libpod's answer, or with no controllers listed, or for Docker, the compatible /info stands")
    void libpod_info_absent_or_empty_changes_nothing() {
        EngineInfo podman = info("podman-5.4-debian13-rootful-recorded.json");
        assertThat(podman.withLibpodInfo(null)).isEqualTo(podman);
        assertThat(podman.withLibpodInfo(Map.of("host", Map.of("cgroupControllers", List.of())))).isEqualTo(podman);
        EngineInfo docker = info("docker-20.10-recorded.json");
        assertThat(docker.withLibpodInfo(Fixtures.json("libpod-info/podman-5.4-debian13-rootful-recorded.json"))).isEqualTo(docker);
    }

    @Test
    @DisplayName("a controller libpod does not list is a limit Podman cannot set (cgroup v2 rootless without cpu delegated)")
    void libpod_without_cpu() {
        EngineInfo told = info("podman-5.4-debian13-rootless-recorded.json")
                .withLibpodInfo(Map.of("host", Map.of("cgroupControllers", List.of("memory", "pids"))));
        assertThat(told.memoryLimit()).isTrue();
        assertThat(told.cpuCfsQuota()).isFalse();
        assertThat(told.limitsSeenWith()).isEqualTo("podman info -f '{{.Host.CgroupControllers}}': [memory, pids]");
        assertThat(info("docker-20.10-recorded.json").limitsSeenWith()).isEqualTo("docker info: MemoryLimit true, CpuCfsQuota true");
    }

    @ParameterizedTest(name = "{0}: docker update {1}")
    @CsvSource({
            "docker-20.10-recorded.json,                    true",
            "podman-4.3.1-recorded.json,                    false",
            "podman-5.4-debian13-rootful-recorded.json,     true",
            "podman-5.4-debian13-rootless-recorded.json,    true",
    })
    @DisplayName("docker update is there on Docker and on Podman 5 (5.4.2 answered 200 and rewrote memory.max), not on Podman 4.3.1 (404)")
    void updates_containers(String fixture, boolean updates) {
        assertThat(info(fixture).updatesContainers()).isEqualTo(updates);
    }
}
