package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("DefaultBridge names the engine's default network and its bridge interface")
class DefaultBridgeTest {

    @SuppressWarnings("unchecked")
    private static IpAddress subnet(Map<String, Object> network) {
        List<Map<String, Object>> config = (List<Map<String, Object>>) ((Map<String, Object>) network.get("IPAM")).get("Config");
        return IpAddress.parseCidr((String) config.get(0).get("Subnet"));
    }

    @Test
    @DisplayName("Docker 20.10 (recorded): network bridge, interface docker0 from com.docker.network.bridge.name")
    @SuppressWarnings("unchecked")
    void docker_names_docker0() {
        Map<String, Object> bridge = Fixtures.json("network/docker-20.10-bridge-recorded.json");

        DefaultBridge docker = DefaultBridge.docker((String) bridge.get("Name"), (Map<String, String>) bridge.get("Options"),
                subnet(bridge));

        assertThat(docker).isEqualTo(new DefaultBridge("bridge", "docker0", IpAddress.parseCidr("172.17.0.0/16"), false));
        assertThat(docker.describe()).isEqualTo("docker0");
    }

    @Test
    @DisplayName("Docker without the option (not seen, written): docker0")
    void docker_without_option_is_docker0() {
        assertThat(DefaultBridge.docker("bridge", Map.of(), IpAddress.parseCidr("172.17.0.0/16")).interfaceName())
                .isEqualTo("docker0");
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded): its compatible inspect of `bridge` has no interface; libpod's names podman0")
    void podman_names_podman0_from_libpod() {
        Map<String, Object> compat = Fixtures.json("network/podman-4.3.1-compat-bridge-recorded.json");

        DefaultBridge podman = DefaultBridge.podman(Fixtures.json("network/podman-4.3.1-libpod-recorded.json"), subnet(compat));

        assertThat(compat.get("Options")).isEqualTo(Map.of());
        assertThat(podman).isEqualTo(new DefaultBridge("podman", "podman0", IpAddress.parseCidr("10.88.0.0/16"), true));
        assertThat(podman.describe()).isEqualTo("podman0, Podman's docker0");
        assertThat(podman.inspectCommand()).isEqualTo("docker network inspect podman");
    }

    @Test
    @DisplayName("Podman whose libpod API did not answer: Podman's defaults, network podman on podman0")
    void podman_without_libpod_uses_the_defaults() {
        assertThat(DefaultBridge.podman(null, IpAddress.parseCidr("10.88.0.0/16")).interfaceName()).isEqualTo("podman0");
    }
}
