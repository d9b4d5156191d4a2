package org.sysnerd.dockerlabs.labs;

import static org.sysnerd.dockerlabs.subject.PageContainer.WEB;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sysnerd.dockerlabs.assertions.LabAssertions;
import org.sysnerd.dockerlabs.docker.GraphDriverDirs;
import org.sysnerd.dockerlabs.facts.OverlayMount;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.junit.Evidence;
import org.sysnerd.dockerlabs.junit.Page;
import org.sysnerd.dockerlabs.junit.SpecOnly;
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
    private HostFacts host;
    private GraphDriverDirs dirs;
    private List<String> layers;

    Q2LayersAreOverlayfsTest(@Page(WEB) Subject web) {
        this.web = web;
    }

    @BeforeAll
    void inspectTheContainerAndItsImage(HostFacts host) {
        this.host = host;
        dirs = web.rootfs();
        layers = web.imageLayers();
    }

    @Test
    @DisplayName("the image is a stack of read-only layers")
    void the_image_is_a_stack_of_layers(Evidence evidence) {
        LabAssertions.assertThat(new Seen<>(layers, "docker image inspect " + web.inspect().image() + " -f '{{.RootFS.Layers}}'"))
                .is("the image to have layers (RootFS.Layers)", l -> !l.isEmpty());
        evidence.record("image %s: %d layers", web.inspect().image(), layers.size());
    }

    @Test
    @DisplayName("the container's rootfs is an overlay mount on the host, with lowerdir and upperdir")
    void the_rootfs_is_an_overlay_mount(Evidence evidence) {
        OverlayMount rootfs = overlayAtMergedDir();

        LabAssertions.assertThat(new Seen<>(rootfs, "mount | grep " + rootfs.mountPoint()))
                .is("an upperdir (the container's writable layer)", m -> m.upperDir() != null && !m.upperDir().isBlank());
        evidence.record("%s", rootfs);
    }

    @Test
    @DisplayName("its lower dirs are the image's layers, plus the init layer under Docker's overlay2")
    void the_lower_dirs_are_the_image_layers(Evidence evidence) {
        OverlayMount rootfs = overlayAtMergedDir();
        Seen<List<String>> lowers = new Seen<>(host.resolveAll(rootfs.lowerDirs(), dirs.storageRoot()),
                "mount | grep " + rootfs.mountPoint() + "; docker inspect -f '{{.GraphDriver.Data.LowerDir}}' " + web.name());

        LabAssertions.assertThat(lowers).is(dirs.expectedLowerDirs(layers.size()), l -> dirs.lowerDirsHold(l, layers.size()));
        if (dirs.named()) {
            LabAssertions.assertThat(new Seen<>(host.resolve(rootfs.upperDir(), dirs.storageRoot()), "mount | grep "
                    + rootfs.mountPoint())).is("the upper dir to be GraphDriver.Data.UpperDir " + dirs.upperDir(),
                    upper -> upper.equals(dirs.upperDir()));
        }
        evidence.record("%d lower dirs for %d image layers; upper %s", lowers.value().size(), layers.size(), rootfs.upperDir());
    }

    @Test
    @SpecOnly("it writes a file into the container")
    @DisplayName("a file written inside appears in the upper dir, in no lower dir")
    void a_file_written_inside_lands_in_the_upper_dir(Evidence evidence) {
        OverlayMount rootfs = overlayAtMergedDir();
        String file = "/" + web.name() + ".txt";
        web.exec("sh", "-c", "echo written inside > " + file);
        String upper = host.resolve(rootfs.upperDir(), dirs.storageRoot());

        LabAssertions.assertThat(new Seen<>(host.exists(upper + file), "sudo ls -l " + upper + file))
                .is(upper + file + " to exist on the host", Boolean::booleanValue);
        LabAssertions.assertThat(new Seen<>(host.resolveAll(rootfs.lowerDirs(), dirs.storageRoot()), "sudo ls -l <lowerdir>" + file))
                .is("no lower dir to hold " + file, lowerDirs -> lowerDirs.stream().noneMatch(lower -> host.exists(lower + file)));
        evidence.record("docker exec %s: wrote %s -> host %s%s", web.name(), file, upper, file);
    }

    private OverlayMount overlayAtMergedDir() {
        Seen<OverlayMount> rootfs = host.overlayAt(dirs.mergedDir());
        LabAssertions.assertThat(rootfs).is("an overlay mount at the container's merged dir"
                + (dirs.mergedDir() == null ? " (docker inspect shows none)" : " " + dirs.mergedDir()), Objects::nonNull,
                mount -> dirs.whyNoOverlay());
        return rootfs.value();
    }
}
