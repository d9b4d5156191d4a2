package org.sysnerd.dockerlabs.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sysnerd.dockerlabs.junit.Lab.evidence;
import static org.sysnerd.dockerlabs.junit.Lab.host;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabAssertions;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.GraphDriverDirs;
import org.sysnerd.dockerlabs.docker.NginxLab;
import org.sysnerd.dockerlabs.facts.OverlayMount;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.preflight.Need;
import org.testcontainers.junit.jupiter.Container;

/**
 * An image MUST be a stack of read-only layers, and a running container's rootfs MUST be an overlay
 * mount in the host's mount table: the image's layers as lower dirs (under overlay2, plus one init layer),
 * the container's own writable layer as upper dir. A file written inside MUST land in the upper dir only.
 */
@DisplayName("Q2 · Layers are overlayfs")
@DockerLab(verify = "mount | grep overlay | head",
        needs = {Need.DOCKER, Need.NGINX_IMAGE, Need.HOST_MOUNTS})
class Q2LayersAreOverlayfsTest {

    @Container
    static final NginxLab web = NginxLab.web();

    static EngineInfo engine;
    static GraphDriverDirs dirs;
    static List<String> layers;

    @BeforeAll
    static void inspectTheContainerAndItsImage() {
        engine = Engine.info();
        dirs = GraphDriverDirs.of(web.getContainerId(), engine);
        layers = Engine.imageLayers(web.getContainerInfo().getImageId());
    }

    @Test
    @DisplayName("the image is a stack of read-only layers")
    void the_image_is_a_stack_of_layers() {
        assertThat(layers).as("RootFS.Layers of the nginx image (docker image inspect %s -f '{{.RootFS.Layers}}')",
                web.getDockerImageName()).isNotEmpty();
        evidence("image %s: %d layers", web.getDockerImageName(), layers.size());
    }

    @Test
    @DisplayName("the container's rootfs is an overlay mount on the host, with lowerdir and upperdir")
    void the_rootfs_is_an_overlay_mount() {
        OverlayMount rootfs = overlayAtMergedDir();

        assertThat(rootfs.upperDir()).as("upperdir of %s", rootfs).isNotBlank();
        evidence("%s", rootfs);
    }

    @Test
    @DisplayName("its lower dirs are the image's layers, plus the init layer under overlay2")
    void the_lower_dirs_are_the_image_layers() {
        OverlayMount rootfs = overlayAtMergedDir();
        List<String> lowers = host().resolveAll(rootfs.lowerDirs(), engine.dockerRootDir() + "/" + engine.storageDriver());

        if (engine.containerdStore()) {
            assertThat(lowers).as("lower dirs of %s vs %d image layers", rootfs, layers.size())
                    .hasSizeGreaterThanOrEqualTo(layers.size());
        } else {
            assertThat(lowers).as("lower dirs of %s, resolved, vs GraphDriver.Data.LowerDir (docker inspect)", rootfs)
                    .containsExactlyElementsOf(dirs.lowerDirs())
                    .hasSize(layers.size() + engine.initLayers());
            assertThat(host().realPath(rootfs.upperDir())).as("upperdir vs GraphDriver.Data.UpperDir")
                    .isEqualTo(dirs.upperDir());
        }
        evidence("%d lower dirs for %d image layers; upper %s", lowers.size(), layers.size(), rootfs.upperDir());
    }

    @Test
    @DisplayName("a file written inside appears in the upper dir, in no lower dir")
    void a_file_written_inside_lands_in_the_upper_dir() {
        OverlayMount rootfs = overlayAtMergedDir();
        String file = "/" + web.name() + ".txt";
        web.exec("sh", "-c", "echo written inside > " + file);
        String base = engine.dockerRootDir() + "/" + engine.storageDriver();
        String upper = host().realPath(rootfs.upperDir().startsWith("/") ? rootfs.upperDir() : base + "/" + rootfs.upperDir());

        assertThat(host().exists(upper + file)).as("%s exists on the host (sudo ls -l %s%s)", upper + file, upper, file).isTrue();
        assertThat(host().resolveAll(rootfs.lowerDirs(), base)).as("lower dirs holding %s", file)
                .noneMatch(lower -> host().exists(lower + file));
        evidence("docker exec %s: wrote %s -> host %s%s", web.name(), file, upper, file);
    }

    private static OverlayMount overlayAtMergedDir() {
        return LabAssertions.assertThat(host().overlayMounts())
                .has("an overlay mount at the container's merged dir"
                                + (dirs.mergedDir() == null ? " (docker inspect shows none)" : " " + dirs.mergedDir()),
                        mounts -> mounts.stream().filter(m -> m.mountPoint().equals(dirs.mergedDir())).findFirst(),
                        mounts -> dirs.mergedDir() == null ? engine.whyNoOverlay() : null);
    }
}
