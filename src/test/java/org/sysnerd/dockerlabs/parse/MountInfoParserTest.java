package org.sysnerd.dockerlabs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.facts.Mount;

@DisplayName("MountInfoParser reads /proc/<pid>/mountinfo")
class MountInfoParserTest {

    private static final String MERGED =
            "/var/lib/docker/overlay2/7c418bff8ccbb84ecb3b0cb86a160dc34a93e97af2fe0ade57c3d220840ca5d1/merged";

    private static List<Mount> mounts(String fixture) {
        return MountInfoParser.parse(Fixtures.text("mountinfo/" + fixture));
    }

    private static Mount at(String fixture, String mountPoint) {
        return mounts(fixture).stream().filter(m -> m.mountPoint().equals(mountPoint)).findFirst()
                .orElseThrow(() -> new AssertionError("no mount at " + mountPoint + " in " + fixture));
    }

    @Test
    @DisplayName("every line of the recorded table is a mount, in order")
    void every_line_is_a_mount() {
        List<Mount> mounts = mounts("overlay2-absolute-short-links-recorded.txt");

        assertThat(mounts).hasSize(20);
        assertThat(mounts.get(0).mountPoint()).isEqualTo("/proc");
    }

    @Test
    @DisplayName("a running container's rootfs (recorded) is an overlay mount at its merged dir")
    void the_container_rootfs_is_an_overlay() {
        Mount rootfs = at("overlay2-absolute-short-links-recorded.txt", MERGED);

        assertThat(rootfs.fsType()).isEqualTo("overlay");
        assertThat(rootfs.source()).isEqualTo("overlay");
    }

    @Test
    @DisplayName("the options are the super block's (after ` - `), split at commas into name and value")
    void super_options_are_split() {
        Mount rootfs = at("overlay2-absolute-short-links-recorded.txt", MERGED);

        assertThat(rootfs.option("upperdir")).isEqualTo(
                "/var/lib/docker/overlay2/7c418bff8ccbb84ecb3b0cb86a160dc34a93e97af2fe0ade57c3d220840ca5d1/diff");
        assertThat(rootfs.option("rw")).isEmpty();
    }

    @Test
    @DisplayName("optional fields (shared:1) do not shift the fields after the separator")
    void optional_fields_are_skipped() {
        Mount dataRoot = at("overlay2-absolute-short-links-recorded.txt", "/var/lib/docker");

        assertThat(dataRoot.fsType()).isEqualTo("ext4");
        assertThat(dataRoot.source()).isEqualTo("/dev/vda");
    }

    @Test
    @DisplayName("a container's network namespace (recorded) is an nsfs mount under /run/docker/netns")
    void network_namespaces_are_nsfs_mounts() {
        assertThat(mounts("overlay2-absolute-short-links-recorded.txt")).filteredOn(m -> m.fsType().equals("nsfs"))
                .extracting(Mount::mountPoint)
                .containsExactly("/run/docker/netns/647e5a55b2ef", "/run/docker/netns/123f4f87fded");
    }

    @Test
    @DisplayName("a mount point with spaces (recorded, \\040) is unescaped")
    void escaped_spaces_in_the_mount_point_are_unescaped() {
        assertThat(mounts("escaped-space-and-colon-recorded.txt")).extracting(Mount::mountPoint)
                .containsExactly("/tmp/fx-ovl/data root/x/merged dir");
    }

    @Test
    @DisplayName("option values are unescaped too: \\040 is a space, \\134 a backslash")
    void escaped_option_values_are_unescaped() {
        Mount mount = mounts("escaped-space-and-colon-recorded.txt").get(0);

        assertThat(mount.option("upperdir")).isEqualTo("/tmp/fx-ovl/data root/x/up");
        assertThat(mount.option("lowerdir")).isEqualTo("/tmp/fx-ovl/data root/x/lower one:/tmp/fx-ovl/co\\:lon/low");
    }

    @Test
    @DisplayName("options the kernel added (uuid=on on 6.x) are kept")
    void kernel_added_options_are_kept() {
        assertThat(mounts("escaped-space-and-colon-recorded.txt").get(0).option("uuid")).isEqualTo("on");
    }

    @Test
    @DisplayName("an empty table has no mounts")
    void an_empty_table_has_no_mounts() {
        assertThat(MountInfoParser.parse("\n")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage",
            "overlay on /var/lib/docker/overlay2/x/merged type overlay (rw,relatime,lowerdir=/a)",
            "47 41 0:38 / /merged rw,relatime shared:2 overlay overlay rw,lowerdir=/a",
            "47 41 0:38 / - overlay"})
    @DisplayName("a line that is not mountinfo (e.g. `mount` output) is an error naming the line")
    void garbage_is_an_error(String line) {
        assertThatThrownBy(() -> MountInfoParser.parse(line))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(line);
    }
}
