package org.sysnerd.dockerlabs.docker;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where Docker says a container's rootfs lives ({@code docker inspect -f '{{json .GraphDriver.Data}}'}).
 * With the containerd image store there is no graph driver data: only the merged dir is known. With a
 * driver that is not overlay (vfs, btrfs, zfs) there is no merged dir: null.
 *
 * @param lowerDirs the resolved {@code .../overlay2/<id>/diff} paths, top first; empty when unknown
 * @param upperDir  the container's writable layer, or null when unknown
 */
public record GraphDriverDirs(String mergedDir, String upperDir, List<String> lowerDirs) {

    public GraphDriverDirs {
        lowerDirs = List.copyOf(lowerDirs);
    }

    /** Reads the dirs of a running container from its inspect data and the engine's store. */
    public static GraphDriverDirs of(String containerId, EngineInfo engine) {
        // docker-java types only device-mapper's fields of GraphDriver.Data: read the raw JSON.
        return fromInspect(Engine.inspectRaw(containerId), containerId, engine);
    }

    /** The dirs in {@code docker inspect}'s JSON of a container: pure, so it is tested on recorded outputs. */
    @SuppressWarnings("unchecked")
    public static GraphDriverDirs fromInspect(Map<String, Object> inspect, String containerId, EngineInfo engine) {
        Object driver = inspect.get("GraphDriver");
        Object rawData = driver instanceof Map<?, ?> map ? map.get("Data") : null;
        Map<String, Object> data = rawData instanceof Map<?, ?> ? (Map<String, Object>) rawData : Map.of();
        if (data.get("MergedDir") == null) {
            // containerd store: <data-root>/rootfs/overlayfs/<full container id>; other drivers (vfs, btrfs): no overlay
            return new GraphDriverDirs(engine.containerdStore() ? engine.dockerRootDir() + "/rootfs/overlayfs/" + containerId
                    : null, null, List.of());
        }
        String lower = String.valueOf(data.getOrDefault("LowerDir", ""));
        return new GraphDriverDirs((String) data.get("MergedDir"), (String) data.get("UpperDir"),
                lower.isEmpty() ? List.of() : Arrays.asList(lower.split(":")));
    }
}
