package org.sysnerd.dockerlabs.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;

@DisplayName("The direct probe: this process reads the host")
class DirectHostTest {

    private final Host host = DirectHost.host("a test");

    @Test
    @DisplayName("tells a path that exists from one that does not")
    void exists_and_absent(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("there"), "x");

        assertThat(host.exists(file.toString())).isTrue();
        assertThat(host.exists(dir.resolve("not-there").toString())).isFalse();
    }

    @Test
    @DisplayName("says a path behind a directory it may not search cannot be looked for, rather than absent")
    void denied_is_unavailable_not_absent(@TempDir Path dir) throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may search any directory");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.writeString(locked.resolve("inside"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assertThatThrownBy(() -> host.exists(locked.resolve("inside").toString()))
                    .isInstanceOf(HostFactUnavailable.class).hasMessageContaining("permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
