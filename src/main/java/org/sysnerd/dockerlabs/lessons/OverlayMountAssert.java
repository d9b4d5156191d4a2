package org.sysnerd.dockerlabs.lessons;

import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.sysnerd.dockerlabs.assertions.SeenAssert;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.GraphDriverDirs;
import org.sysnerd.dockerlabs.facts.OverlayMount;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.probe.HostFacts;

/**
 * A container's rootfs as the host's mount table shows it (Q2): an overlay mount at the merged dir Docker names, whose
 * lower dirs are the image's layers (and the init layer) and whose upper dir is the container's writable layer. The
 * reason for a missing mount is chosen from what Docker said of the rootfs and from the engine's storage driver.
 */
public final class OverlayMountAssert extends AbstractAssert<OverlayMountAssert, HostFacts> {

    private final GraphDriverDirs dirs;
    private final EngineInfo engine;

    OverlayMountAssert(HostFacts host, GraphDriverDirs dirs, EngineInfo engine) {
        super(host, OverlayMountAssert.class);
        this.dirs = dirs;
        this.engine = engine;
    }

    /** Assertions on the rootfs Docker says {@code dirs} hold, read from the host's mount table. */
    public static OverlayMountAssert assertThat(HostFacts host, GraphDriverDirs dirs, EngineInfo engine) {
        return new OverlayMountAssert(host, dirs, engine);
    }

    /** The image is a stack of layers ({@code RootFS.Layers}). */
    public OverlayMountAssert hasImageLayers(String image, List<String> layers) {
        SeenAssert.assertThat(new Seen<>(layers, "docker image inspect " + image + " -f '{{.RootFS.Layers}}'"))
                .is("the image to have layers (RootFS.Layers)", l -> !l.isEmpty());
        return this;
    }

    /** There is an overlay mount at the container's merged dir; returns it. */
    public OverlayMount isMountedAtTheMergedDir() {
        Seen<OverlayMount> rootfs = actual.overlayAt(dirs.mergedDir());
        SeenAssert.assertThat(rootfs).is("an overlay mount at the container's merged dir"
                + (dirs.mergedDir() == null ? " (docker inspect shows none)" : " " + dirs.mergedDir()), Objects::nonNull,
                mount -> whyNoOverlay(dirs, engine));
        return rootfs.value();
    }

    /** The overlay at the merged dir has an upper dir, the container's writable layer; returns the mount. */
    public OverlayMount hasAnUpperDir() {
        OverlayMount rootfs = isMountedAtTheMergedDir();
        SeenAssert.assertThat(new Seen<>(rootfs, "mount | grep " + rootfs.mountPoint()))
                .is("an upperdir (the container's writable layer)", m -> m.upperDir() != null && !m.upperDir().isBlank());
        return rootfs;
    }

    /**
     * The mount's lower dirs, resolved, are the image's layers (and the init layer, as Docker names them), and, where
     * the engine names it, its upper dir is Docker's {@code UpperDir}. Returns the resolved lower dirs.
     */
    public List<String> hasTheImageLayersAsLowerDirs(OverlayMount rootfs, int layers, String container) {
        Seen<List<String>> lowers = new Seen<>(actual.resolveAll(rootfs.lowerDirs(), dirs.storageRoot()), "mount | grep "
                + rootfs.mountPoint() + "; docker inspect -f '{{.GraphDriver.Data.LowerDir}}' " + container);
        SeenAssert.assertThat(lowers).is(dirs.expectedLowerDirs(layers), l -> dirs.lowerDirsHold(l, layers));
        if (dirs.named()) {
            SeenAssert.assertThat(new Seen<>(actual.resolve(rootfs.upperDir(), dirs.storageRoot()), "mount | grep "
                    + rootfs.mountPoint())).is("the upper dir to be GraphDriver.Data.UpperDir " + dirs.upperDir(),
                    upper -> upper.equals(dirs.upperDir()));
        }
        return lowers.value();
    }

    /** A file written inside ({@code file}, absolute) is in the upper dir, in no lower dir; returns the upper dir. */
    public String holdsInItsUpperDirOnly(OverlayMount rootfs, String file) {
        String upper = actual.resolve(rootfs.upperDir(), dirs.storageRoot());
        SeenAssert.assertThat(new Seen<>(actual.exists(upper + file), "sudo ls -l " + upper + file))
                .is(upper + file + " to exist on the host", Boolean::booleanValue);
        SeenAssert.assertThat(new Seen<>(actual.resolveAll(rootfs.lowerDirs(), dirs.storageRoot()), "sudo ls -l <lowerdir>" + file))
                .is("no lower dir to hold " + file, lowerDirs -> lowerDirs.stream().noneMatch(lower -> actual.exists(lower + file)));
        return upper;
    }

    /** Why there may be no overlay mount at the merged dir: the engine's storage driver, or a rootfs not mounted here. */
    static String whyNoOverlay(GraphDriverDirs dirs, EngineInfo engine) {
        return dirs.mergedDir() != null ? "the container is not running, or its rootfs is mounted in another mount "
                + "namespace than the daemon's"
                : engine.engineName() + "'s storage driver here is " + engine.storageDriver() + ", not "
                        + (engine.podman() ? "overlay" : "overlay2") + ": no overlay mount backs the container's rootfs "
                        + "(docker info -f '{{.Driver}}')";
    }
}
