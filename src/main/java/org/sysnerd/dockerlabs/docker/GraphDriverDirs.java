package org.sysnerd.dockerlabs.docker;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where Docker says a container's rootfs lives ({@code docker inspect -f '{{json .GraphDriver.Data}}'}), and what
 * its overlay mount must then show. With the containerd image store there is no graph driver data: only the
 * merged dir is known. With a driver that is not overlay (vfs, btrfs, zfs) there is no merged dir: null.
 *
 * @param lowerDirs   the resolved {@code .../overlay2/<id>/diff} paths, top first; empty when unknown
 * @param upperDir    the container's writable layer, or null when unknown
 * @param storageRoot where the mount's relative dirs start ({@code <data-root>/overlay2})
 * @param initLayers  the layers the engine puts between the image's and the container's (overlay2: its init layer)
 */
public record GraphDriverDirs(String mergedDir, String upperDir, List<String> lowerDirs, String storageRoot,
                              int initLayers) {

    public GraphDriverDirs {
        lowerDirs = List.copyOf(lowerDirs);
    }

    /** Reads the dirs of a running container from its inspect data and the engine's store. */
    public static GraphDriverDirs of(String containerId, Engine engine) {
        // docker-java types only device-mapper's fields of GraphDriver.Data: read the raw JSON.
        return fromInspect(engine.inspectRaw(containerId), containerId, engine.info());
    }

    /** The dirs in {@code docker inspect}'s JSON of a container: pure, so it is tested on recorded outputs. */
    @SuppressWarnings("unchecked")
    public static GraphDriverDirs fromInspect(Map<String, Object> inspect, String containerId, EngineInfo engine) {
        Object driver = inspect.get("GraphDriver");
        Object rawData = driver instanceof Map<?, ?> map ? map.get("Data") : null;
        Map<String, Object> data = rawData instanceof Map<?, ?> ? (Map<String, Object>) rawData : Map.of();
        String root = engine.dockerRootDir() + "/" + engine.storageDriver();
        if (data.get("MergedDir") == null) {
            // containerd store: <data-root>/rootfs/overlayfs/<full container id>; other drivers (vfs, btrfs): no overlay
            return new GraphDriverDirs(engine.containerdStore() ? engine.dockerRootDir() + "/rootfs/overlayfs/" + containerId
                    : null, null, List.of(), root, 0);
        }
        String lower = String.valueOf(data.getOrDefault("LowerDir", ""));
        return new GraphDriverDirs((String) data.get("MergedDir"), (String) data.get("UpperDir"),
                lower.isEmpty() ? List.of() : Arrays.asList(lower.split(":")), root, engine.initLayers());
    }

    /** True when the engine names the lower and upper dirs (overlay2, Podman), so the mount's can be compared with them. */
    public boolean named() {
        return upperDir != null;
    }

    /** What the mount's lower dirs must be, in words. */
    public String expectedLowerDirs(int layers) {
        return named() ? (layers + initLayers) + " lower dirs: the image's " + layers + " layers"
                + (initLayers > 0 ? " and the init layer" : " (no init layer on this engine)")
                + ", as docker inspect's GraphDriver.Data.LowerDir names them"
                : "at least " + layers + " lower dirs, one for each of the image's layers";
    }

    /** True when the mount's lower dirs, resolved, are the image's layers (and the init layer). */
    public boolean lowerDirsHold(List<String> resolvedLowerDirs, int layers) {
        return named() ? resolvedLowerDirs.equals(lowerDirs) && resolvedLowerDirs.size() == layers + initLayers
                : resolvedLowerDirs.size() >= layers;
    }
}
