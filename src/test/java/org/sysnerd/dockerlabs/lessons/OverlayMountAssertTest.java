package org.sysnerd.dockerlabs.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.GraphDriverDirs;
import org.sysnerd.dockerlabs.facts.OverlayMount;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("Q2's overlay mount assertion, on a recorded mount table")
class OverlayMountAssertTest {

    private static final EngineInfo DOCKER = EngineInfo.fromJson(Fixtures.json("docker-info/docker-20.10-recorded.json"));
    private static final String ROOT = "/var/lib/docker/overlay2";
    private static final String MERGED = ROOT + "/6d4fa468a729d3e7b448c74deb074f975d44047d92a05d9abf1c6bec517b3087/merged";
    private static final RecordedHost HOST = new RecordedHost().with("/proc/self/mountinfo",
            "mountinfo/overlay2-relative-lowerdirs.txt");

    private static OverlayMountAssert rootfs(String mergedDir) {
        return OverlayMountAssert.assertThat(HOST.facts(), new GraphDriverDirs(mergedDir, null, List.of(), ROOT, 1), DOCKER);
    }

    @Test
    @DisplayName("finds the overlay at the merged dir Docker names, with its upper dir")
    void finds_the_overlay() {
        OverlayMount mount = rootfs(MERGED).hasAnUpperDir();

        assertThat(mount.mountPoint()).isEqualTo(MERGED);
        assertThat(mount.lowerDirs()).isNotEmpty();
    }

    @Test
    @DisplayName("no overlay at a merged dir Docker names: the container is not running, or mounted elsewhere")
    void no_overlay_at_a_named_merged_dir() {
        LabFailure lesson = Lesson.of(() -> rootfs(ROOT + "/gone/merged").isMountedAtTheMergedDir());

        assertThat(lesson.expected()).isEqualTo("an overlay mount at the container's merged dir " + ROOT + "/gone/merged");
        assertThat(lesson.seen()).isEqualTo("none");
        assertThat(lesson.why()).startsWith("the container is not running, or its rootfs is mounted in another mount namespace");
        assertThat(lesson.command()).isEqualTo("mount | grep " + ROOT + "/gone/merged");
    }

    @Test
    @DisplayName("no merged dir at all: the engine's storage driver, named in its own terms")
    void no_merged_dir() {
        LabFailure lesson = Lesson.of(() -> OverlayMountAssert.assertThat(HOST.facts(),
                new GraphDriverDirs(null, null, List.of(), ROOT, 0), vfs("docker-20.10-recorded.json")).isMountedAtTheMergedDir());

        assertThat(lesson.expected()).endsWith("(docker inspect shows none)");
        assertThat(lesson.why()).startsWith("Docker's storage driver here is vfs, not overlay2:");
        assertThat(OverlayMountAssert.whyNoOverlay(new GraphDriverDirs(null, null, List.of(), ROOT, 0),
                vfs("podman-4.3.1-recorded.json"))).startsWith("Podman's storage driver here is vfs, not overlay:");
    }

    @Test
    @DisplayName("an image with no layers fails, with docker image inspect")
    void an_image_without_layers() {
        LabFailure lesson = Lesson.of(() -> rootfs(MERGED).hasImageLayers("nginx", List.of()));

        assertThat(lesson.expected()).isEqualTo("the image to have layers (RootFS.Layers)");
        assertThat(lesson.command()).isEqualTo("docker image inspect nginx -f '{{.RootFS.Layers}}'");
    }

    @Test
    @DisplayName("more image layers than lower dirs fails, saying how many it expected")
    void too_few_lower_dirs() {
        OverlayMount mount = rootfs(MERGED).isMountedAtTheMergedDir();

        LabFailure lesson = Lesson.of(() -> rootfs(MERGED).hasTheImageLayersAsLowerDirs(mount, 99, "web"));
        assertThat(lesson.expected()).isEqualTo("at least 99 lower dirs, one for each of the image's layers");
        assertThat(lesson.command()).endsWith("docker inspect -f '{{.GraphDriver.Data.LowerDir}}' web");
    }

    private static EngineInfo vfs(String fixture) {
        Map<String, Object> json = new HashMap<>(Fixtures.json("docker-info/" + fixture));
        json.put("Driver", "vfs");
        return EngineInfo.fromJson(json);
    }
}
