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

    @Test
    @DisplayName("reads a link and resolves a path as readlink and realpath -e print them")
    void links_as_the_tools_print_them(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("diff"));
        Path link = Files.createSymbolicLink(dir.resolve("l"), Path.of("diff"));

        assertThat(host.readLink(link.toString())).isEqualTo("diff");
        assertThat(host.realPath(link.toString())).isEqualTo(target.toRealPath().toString());
        assertThat(host.readLink("/proc/self/ns/net")).matches("net:\\[\\d+]");
    }

    @Test
    @DisplayName("says a link or a path that is not there cannot be read, as readlink and realpath -e exit 1")
    void missing_link_is_unavailable(@TempDir Path dir) {
        String missing = dir.resolve("gone").toString();

        assertThatThrownBy(() -> host.readLink(missing)).isInstanceOf(HostFactUnavailable.class)
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> host.realPath(missing)).isInstanceOf(HostFactUnavailable.class)
                .hasMessageContaining("no such file");
    }
}
