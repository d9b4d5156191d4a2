package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("ApiVersion tells where /info says which firewall backend the daemon uses")
class ApiVersionTest {

    private static Map<String, Object> version(String fixture) {
        return Fixtures.json("docker-version/" + fixture);
    }

    @Test
    @DisplayName("Docker 29.7.2 (recorded) speaks API 1.55")
    void docker_29_speaks_1_55() {
        assertThat(ApiVersion.ofServer(version("docker-29.7.2-recorded.json"))).contains(new ApiVersion(1, 55));
    }

    @Test
    @DisplayName("Docker 29.7.2 (recorded) is asked /v1.49/info, which carries FirewallBackend")
    void docker_29_is_asked_at_1_49() {
        assertThat(ApiVersion.toAskForFirewallBackend(version("docker-29.7.2-recorded.json")).map(ApiVersion::path))
                .contains("/v1.49");
    }

    @Test
    @DisplayName("Docker 20.10 (recorded, API 1.41) is not asked again: it has no backend but iptables")
    void docker_20_10_is_not_asked_again() {
        assertThat(ApiVersion.toAskForFirewallBackend(version("docker-20.10-recorded.json"))).isEmpty();
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded, API 1.41) is not asked again")
    void podman_is_not_asked_again() {
        assertThat(ApiVersion.toAskForFirewallBackend(version("podman-4.3.1-recorded.json"))).isEmpty();
    }

    @Test
    @DisplayName("1.100 is later than 1.49: versions compare by number, not as text")
    void compares_by_number() {
        assertThat(ApiVersion.parse("1.100").orElseThrow()).isGreaterThan(ApiVersion.FIREWALL_BACKEND);
    }

    @Test
    @DisplayName("A version that is not MAJOR.MINOR is no version")
    void reads_only_major_minor() {
        assertThat(ApiVersion.parse("4.0.0")).isEmpty();
    }
}
