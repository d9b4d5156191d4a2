package org.sysnerd.dockerlabs.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.facts.AppArmorLabel;
import org.sysnerd.dockerlabs.parse.Fixtures;

/**
 * The helper MUST run unconfined by AppArmor where the engine confines containers with it (docker-default denies
 * ptrace read of the host's unconfined processes, e.g. {@code readlink /proc/<shim>/ns/mnt}), and only there.
 */
@DisplayName("DaemonHost's helper lifts AppArmor's profile where AppArmor confines containers, and only there")
class DaemonHostSecurityTest {

    private static EngineInfo info(String fixture) {
        return EngineInfo.fromJson(Fixtures.json("docker-info/" + fixture));
    }

    @Test
    @DisplayName("Debian 13's Docker 26.1 under AppArmor (recorded on the booted VM): no-new-privileges and apparmor=unconfined")
    void unconfined_under_apparmor() {
        assertThat(HelperSpec.securityOptions(info("docker-26.1-debian13-systemd-apparmor-recorded.json")))
                .containsExactly("no-new-privileges", "apparmor=unconfined");
    }

    @Test
    @DisplayName("Debian 12's Docker 20.10 without AppArmor (recorded): no-new-privileges only")
    void no_apparmor_no_exception() {
        assertThat(HelperSpec.securityOptions(info("docker-20.10-recorded.json"))).containsExactly("no-new-privileges");
    }

    @Test
    @DisplayName("a denied read by a helper under an enforcing profile (docker-default, recorded on the VM) names the"
            + " profile, the kernel's log line and the commands to see both")
    void denied_under_an_enforcing_profile() {
        AppArmorLabel label = AppArmorLabel.parse(Fixtures.text("apparmor/docker-26.1-container-recorded.txt"));
        assertThat(Denials.deniedWhy(Optional.of(label), info("docker-20.10-recorded.json"), "docker-labs-probe-host-1"))
                .contains("AppArmor's profile docker-default (enforce)", "apparmor=\"DENIED\" operation=\"ptrace\"",
                        "docker inspect -f '{{.AppArmorProfile}}' docker-labs-probe-host-1", "journalctl -k",
                        "confines containers without saying so");
        assertThat(Denials.deniedWhy(Optional.of(label), info("docker-26.1-debian13-systemd-apparmor-recorded.json"), "h"))
                .contains("The kit asked for apparmor=unconfined, and the engine did not apply it");
    }

    @Test
    @DisplayName("a denied read by an unconfined helper (recorded on the VM) or where the kernel runs no AppArmor"
            + " points elsewhere: another security module, a user namespace")
    void denied_elsewhere() {
        AppArmorLabel unconfined = AppArmorLabel.parse(Fixtures.text("apparmor/unconfined-helper-recorded.txt"));
        assertThat(Denials.deniedWhy(Optional.of(unconfined), info("docker-26.1-debian13-systemd-apparmor-recorded.json"), "h"))
                .contains("unconfined by AppArmor", "SELinux", "user namespace").doesNotContain("journalctl");
        assertThat(Denials.deniedWhy(Optional.empty(), info("docker-20.10-recorded.json"), "h")).contains("not under AppArmor (the kernel runs none)");
    }

    @Test
    @DisplayName("a denied read by rootless Podman's helper (label crun (unconfined), recorded on the VM; iptables said"
            + " `Permission denied (you must be root)`) names the rootless engine's user namespace")
    void denied_in_a_rootless_engine() {
        AppArmorLabel crun = AppArmorLabel.parse(Fixtures.text("apparmor/podman-5.4-rootless-container-recorded.txt"));
        assertThat(Denials.deniedWhy(Optional.of(crun), info("podman-5.4-debian13-rootless-recorded.json"), "h"))
                .contains("under AppArmor's crun (unconfined), which enforces nothing", "rootless engine's user namespace",
                        "uid_map");
    }

    @Test
    @DisplayName("on Podman the helper is made with libpod's create: the host's PID, network and cgroup namespaces, the"
            + " host's root read-only, the four capabilities, unconfined by AppArmor only where AppArmor confines")
    void podman_spec() {
        Map<String, Object> spec = HelperSpec.podmanSpec("n", "alpine", Map.of("l", "v"), List.of("sleep", "600"),
                info("podman-5.4-debian13-rootful-recorded.json"));
        assertThat(spec).containsEntry("cgroupns", Map.of("nsmode", "host")).containsEntry("pidns", Map.of("nsmode", "host"))
                .containsEntry("netns", Map.of("nsmode", "host")).containsEntry("apparmor_profile", "unconfined")
                .containsEntry("cap_drop", List.of("ALL"))
                .containsEntry("cap_add", List.of("SYS_PTRACE", "SYS_CHROOT", "NET_ADMIN", "NET_RAW"))
                .containsEntry("read_only_filesystem", true).containsEntry("no_new_privileges", true).containsEntry("remove", true)
                .containsEntry("mounts", List.of(Map.of("type", "bind", "source", "/", "destination", "/host",
                        "options", List.of("rbind", "ro"))));
        assertThat(HelperSpec.podmanSpec("n", "alpine", Map.of(), List.of(), info("podman-4.3.1-recorded.json")))
                .doesNotContainKey("apparmor_profile");
    }
}
