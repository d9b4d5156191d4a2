package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.parse.MountInfoParser;

@DisplayName("OverlayMount splits an overlay mount into lower dirs, upper dir and work dir")
class OverlayMountTest {

    private static final String CONTAINER = "7c418bff8ccbb84ecb3b0cb86a160dc34a93e97af2fe0ade57c3d220840ca5d1";
    private static final String SNAPSHOTS = "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots";

    private static List<OverlayMount> overlays(String fixture) {
        return MountInfoParser.parse(Fixtures.text("mountinfo/" + fixture)).stream()
                .filter(m -> "overlay".equals(m.fsType())).map(OverlayMount::of).toList();
    }

    private static OverlayMount recordedRootfs() {
        return overlays("overlay2-absolute-short-links-recorded.txt").stream()
                .filter(o -> o.mountPoint().contains(CONTAINER)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("overlay2 (recorded): a 3-layer image gives 4 lower dirs, the container's init layer first")
    void overlay2_has_image_layers_plus_the_init_layer() {
        List<String> lowers = recordedRootfs().lowerDirs();

        assertThat(lowers).hasSize(3 + 1);
        assertThat(lowers.get(0)).isEqualTo("/var/lib/docker/overlay2/l/MMTN5777Y3Q6ON5ZCUXH6FZOV2");
    }

    @Test
    @DisplayName("overlay2 (recorded): lower dirs are absolute short links under overlay2/l/")
    void overlay2_lower_dirs_are_short_links() {
        assertThat(recordedRootfs().lowerDirs())
                .allMatch(dir -> dir.matches("/var/lib/docker/overlay2/l/[A-Z0-9]{26}"));
    }

    @Test
    @DisplayName("overlay2 (recorded): upper and work dir are the container's own diff and work dirs")
    void overlay2_upper_and_work_dirs() {
        OverlayMount rootfs = recordedRootfs();

        assertThat(rootfs.upperDir()).isEqualTo("/var/lib/docker/overlay2/" + CONTAINER + "/diff");
        assertThat(rootfs.workDir()).isEqualTo("/var/lib/docker/overlay2/" + CONTAINER + "/work");
    }

    @Test
    @DisplayName("overlay2 (recorded): two containers of one image share every lower dir but the init layer")
    void two_containers_share_the_image_layers() {
        List<OverlayMount> both = overlays("overlay2-absolute-short-links-recorded.txt");

        assertThat(both).hasSize(2);
        assertThat(both.get(0).lowerDirs().subList(1, 4)).isEqualTo(both.get(1).lowerDirs().subList(1, 4));
    }

    @Test
    @DisplayName("overlay2 with many layers: lower dirs are relative to the overlay2 root (l/<id>)")
    void overlay2_relative_lower_dirs() {
        OverlayMount rootfs = overlays("overlay2-relative-lowerdirs.txt").get(0);

        assertThat(rootfs.lowerDirs()).hasSize(80).allMatch(dir -> dir.matches("l/[A-Z0-9]{26}"));
        assertThat(rootfs.lowerDirs().get(0)).isEqualTo("l/JQGUKB22EGIU642NMUVV3F7ZFN");
    }

    @Test
    @DisplayName("overlay2 with many layers: the upper dir is relative too (<id>/diff)")
    void overlay2_relative_upper_dir() {
        assertThat(overlays("overlay2-relative-lowerdirs.txt").get(0).upperDir())
                .isEqualTo("6d4fa468a729d3e7b448c74deb074f975d44047d92a05d9abf1c6bec517b3087/diff");
    }

    @Test
    @DisplayName("containerd image store: the rootfs is mounted at <data-root>/rootfs/overlayfs/<container id>")
    void containerd_store_mount_point() {
        assertThat(overlays("containerd-snapshotter.txt")).singleElement().extracting(OverlayMount::mountPoint)
                .asString().matches("/var/lib/docker/rootfs/overlayfs/[0-9a-f]{64}");
    }

    @Test
    @DisplayName("containerd image store: lower and upper dirs are snapshots/<n>/fs of containerd's overlayfs snapshotter")
    void containerd_store_snapshot_dirs() {
        OverlayMount rootfs = overlays("containerd-snapshotter.txt").get(0);

        assertThat(rootfs.lowerDirs()).containsExactly(SNAPSHOTS + "/27/fs", SNAPSHOTS + "/26/fs",
                SNAPSHOTS + "/25/fs", SNAPSHOTS + "/24/fs");
        assertThat(rootfs.upperDir()).isEqualTo(SNAPSHOTS + "/28/fs");
    }

    @Test
    @DisplayName("paths with a space (\\040) and an escaped colon (\\:) are one lower dir each (recorded)")
    void escaped_paths_stay_whole() {
        assertThat(overlays("escaped-space-and-colon-recorded.txt").get(0).lowerDirs())
                .containsExactly("/tmp/fx-ovl/data root/x/lower one", "/tmp/fx-ovl/co:lon/low");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlay2-absolute-short-links-recorded.txt", "overlay2-relative-lowerdirs.txt",
            "containerd-snapshotter.txt", "escaped-space-and-colon-recorded.txt"})
    @DisplayName("every overlay of every store has at least one lower dir and an upper dir")
    void every_overlay_has_lower_and_upper_dirs(String fixture) {
        assertThat(overlays(fixture)).isNotEmpty()
                .allSatisfy(o -> assertThat(o.lowerDirs()).isNotEmpty().doesNotContain(""))
                .allSatisfy(o -> assertThat(o.upperDir()).isNotBlank());
    }

    @Test
    @DisplayName("a mount that is not an overlay is an error naming it")
    void a_non_overlay_mount_is_an_error() {
        Mount ext4 = new Mount("/var/lib/docker", "ext4", "/dev/vda", Map.of("rw", ""));

        assertThatThrownBy(() -> OverlayMount.of(ext4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/var/lib/docker");
    }

    @Test
    @DisplayName("an overlay mount without lowerdir is an error")
    void an_overlay_without_lowerdir_is_an_error() {
        Mount overlay = new Mount("/merged", "overlay", "overlay", Map.of("upperdir", "/up"));

        assertThatThrownBy(() -> OverlayMount.of(overlay))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowerdir");
    }

    @Test
    @DisplayName("Podman 4.3.1 (recorded): a 3-layer image gives 3 lower dirs: no init layer")
    void podman_has_the_image_layers_only() {
        OverlayMount rootfs = overlays("podman-overlay-recorded.txt").stream()
                .filter(o -> o.mountPoint().contains("507896da34f8")).findFirst().orElseThrow();

        assertThat(rootfs.lowerDirs()).hasSize(3)
                .allMatch(dir -> dir.matches("/var/lib/containers/storage/overlay/l/[A-Z0-9]{26}"));
        assertThat(rootfs.upperDir()).isEqualTo("/var/lib/containers/storage/overlay/"
                + "507896da34f8bca45a5034c5a10359fa4223157f6dff6481034a5abb67f55abb/diff");
    }
}
