package org.sysnerd.dockerlabs.labs;

import static org.sysnerd.dockerlabs.subject.PageContainer.WEB;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.GraphDriverDirs;
import org.sysnerd.dockerlabs.facts.OverlayMount;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.junit.Evidence;
import org.sysnerd.dockerlabs.junit.Page;
import org.sysnerd.dockerlabs.junit.SpecOnly;
import org.sysnerd.dockerlabs.lessons.LabAssertions;
import org.sysnerd.dockerlabs.lessons.OverlayMountAssert;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.Subject;

/**
 * An image MUST be a stack of read-only layers, and a running container's rootfs MUST be an overlay
 * mount in the host's mount table: the image's layers as lower dirs (under overlay2, plus one init layer),
 * the container's own writable layer as upper dir. A file written inside MUST land in the upper dir only.
 * <p>The state graded: Q1's {@code web}, running. The lab looks at it and makes nothing of its own, so when
 * {@code web} is missing, stopped or paused it fails once, saying it needs Q1's {@code web} and in what state that is,
 * rather than repeating Q1's lesson (never passed, and not blocked: blocked is for a host that cannot show the fact).
 */
@DisplayName("Q2 · Layers are overlayfs")
@DockerLab(id = "Q2", title = "Layers are overlayfs", verify = "mount | grep overlay | head",
        needs = {Need.DOCKER, Need.NGINX_IMAGE, Need.HOST_MOUNTS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Q2LayersAreOverlayfsTest {

    /** The page's {@code docker run -d --name web nginx}; its image is the page's {@code docker image inspect nginx}. */
    private final Subject web;
    private final Engine engine;
    private List<String> layers;
    /** Its rootfs as the host's mount table shows it, next to what Docker says of it. */
    private OverlayMountAssert rootfs;

    Q2LayersAreOverlayfsTest(@Page(WEB) Subject web, Engine engine) {
        this.web = web;
        this.engine = engine;
    }

    @BeforeAll
    void inspectTheContainerAndItsImage(HostFacts host) {
        GraphDriverDirs dirs = web.rootfs();
        layers = web.imageLayers();
        rootfs = LabAssertions.assertThatRootfs(dirs, host, engine);
    }

    @Test
    @DisplayName("the image is a stack of read-only layers")
    void the_image_is_a_stack_of_layers(Evidence evidence) {
        rootfs.hasImageLayers(web.inspect().image(), layers);
        evidence.record("image %s: %d layers", web.inspect().image(), layers.size());
    }

    @Test
    @DisplayName("the container's rootfs is an overlay mount on the host, with lowerdir and upperdir")
    void the_rootfs_is_an_overlay_mount(Evidence evidence) {
        OverlayMount mount = rootfs.hasAnUpperDir();
        evidence.record("%s", mount);
    }

    @Test
    @DisplayName("its lower dirs are the image's layers, plus the init layer under Docker's overlay2")
    void the_lower_dirs_are_the_image_layers(Evidence evidence) {
        OverlayMount mount = rootfs.isMountedAtTheMergedDir();

        List<String> lowers = rootfs.hasTheImageLayersAsLowerDirs(mount, layers.size(), web.name());
        evidence.record("%d lower dirs for %d image layers; upper %s", lowers.size(), layers.size(), mount.upperDir());
    }

    @Test
    @SpecOnly("it writes a file into the container")
    @DisplayName("a file written inside appears in the upper dir, in no lower dir")
    void a_file_written_inside_lands_in_the_upper_dir(Evidence evidence) {
        OverlayMount mount = rootfs.isMountedAtTheMergedDir();
        String file = "/" + web.name() + ".txt";
        web.exec("sh", "-c", "echo written inside > " + file);

        String upper = rootfs.holdsInItsUpperDirOnly(mount, file);
        evidence.record("docker exec %s: wrote %s -> host %s%s", web.name(), file, upper, file);
    }
}
