package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("AppArmorLabel reads a process's AppArmor profile from /proc/<pid>/attr/apparmor/current")
class AppArmorLabelTest {

    @ParameterizedTest(name = "{0}: {1} ({2}), enforced {3}")
    @CsvSource({
            "docker-26.1-container-recorded.txt,      docker-default,            enforce,    true",
            "podman-5.4-rootful-container-recorded.txt, containers-default-0.62.2, enforce,  true",
            "podman-5.4-rootless-container-recorded.txt, crun,                     unconfined, false",
            "unconfined-helper-recorded.txt,          unconfined,                unconfined, false",
            "complain.txt,                            docker-default,            complain,   false",
    })
    @DisplayName("the label of each engine's container on the Debian 13 VM, and of the kit's unconfined helper")
    void reads_the_label(String fixture, String profile, String mode, boolean enforced) {
        AppArmorLabel label = AppArmorLabel.parse(Fixtures.text("apparmor/" + fixture));
        assertThat(label).isEqualTo(new AppArmorLabel(profile, mode));
        assertThat(label.enforced()).isEqualTo(enforced);
    }

    @Test
    @DisplayName("it prints back as the kernel prints it")
    void prints_as_the_kernel() {
        assertThat(AppArmorLabel.parse("docker-default (enforce)\n")).hasToString("docker-default (enforce)");
        assertThat(AppArmorLabel.parse("unconfined\n")).hasToString("unconfined");
    }

    @Test
    @DisplayName("a trailing NUL, as some kernels end the file, is ignored")
    void ignores_a_nul() {
        assertThat(AppArmorLabel.parse("docker-default (enforce)\n\0")).isEqualTo(new AppArmorLabel("docker-default", "enforce"));
    }

    @Test
    @DisplayName("a failed read (Debian 12's kernel has no attr/apparmor/: `cat` exits 1, recorded) is no label, not unconfined")
    void a_failed_read_is_no_label() {
        assertThat(AppArmorLabel.ofRead(1, "")).isEmpty();
        assertThat(AppArmorLabel.ofRead(0, "docker-default (enforce)\n")).contains(new AppArmorLabel("docker-default", "enforce"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "docker-default", "system_u:system_r:container_t:s0:c1,c2", "docker-default (Enforce)"})
    @DisplayName("anything but a profile with its mode, or unconfined (an SELinux context, a bare name), is an error naming it")
    void garbage_is_an_error(String label) {
        assertThatThrownBy(() -> AppArmorLabel.parse(label))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + label + "'");
    }
}
