package org.sysnerd.dockerlabs.facts;

import java.util.Arrays;
import java.util.List;

/**
 * An overlay mount: read-only lower dirs stacked under one writable upper dir.
 * Paths are as the mount table prints them: overlay2 uses short links ({@code l/<26 chars>}),
 * sometimes relative to its root.
 */
public record OverlayMount(String mountPoint, List<String> lowerDirs, String upperDir, String workDir) {

    public OverlayMount {
        lowerDirs = List.copyOf(lowerDirs);
    }

    /** The overlay view of a mount, or an error if it is not an overlay with a lowerdir. */
    public static OverlayMount of(Mount mount) {
        String lower = mount.option("lowerdir");
        if (!"overlay".equals(mount.fsType()) || lower == null) {
            throw new IllegalArgumentException("not an overlay mount with lowerdir: " + mount);
        }
        // An escaped ':' (\:) belongs to a path; only bare ones separate layers.
        List<String> lowers = Arrays.stream(lower.split("(?<!\\\\):")).map(p -> p.replace("\\:", ":")).toList();
        return new OverlayMount(mount.mountPoint(), lowers, mount.option("upperdir"), mount.option("workdir"));
    }

    @Override
    public String toString() {
        return "overlay on " + mountPoint + ": " + lowerDirs.size() + " lower dirs, upper " + upperDir;
    }
}
