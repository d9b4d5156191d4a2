package org.sysnerd.dockerlabs.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.docker.EngineInfo;
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
        assertThat(DaemonHost.securityOptions(info("docker-26.1-debian13-systemd-apparmor-recorded.json")))
                .containsExactly("no-new-privileges", "apparmor=unconfined");
    }

    @Test
    @DisplayName("Debian 12's Docker 20.10 without AppArmor (recorded): no-new-privileges only")
    void no_apparmor_no_exception() {
        assertThat(DaemonHost.securityOptions(info("docker-20.10-recorded.json"))).containsExactly("no-new-privileges");
    }
}
