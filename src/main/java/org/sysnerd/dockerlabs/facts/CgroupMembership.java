package org.sysnerd.dockerlabs.facts;

import java.util.List;
import java.util.Optional;

/**
 * A process's cgroups as {@code cat /proc/<pid>/cgroup} lists them, one line per hierarchy: v1's
 * {@code 4:memory:/docker/<id>} or {@code 3:cpu,cpuacct:/…}, v2's (and a hybrid host's unified tree's)
 * {@code 0::/system.slice/docker-<id>.scope}. The paths are relative to the reader's cgroup namespace: a
 * container reading its own file in a private one sees {@code /}; a reader in a namespace of its own sees
 * other processes' paths as {@code /../…}. Read from the host's namespace, they are the full paths.
 */
public record CgroupMembership(long pid, List<Line> lines) {

    public CgroupMembership {
        lines = List.copyOf(lines);
    }

    /** One line: the hierarchy's number, its controllers (none for v2's unified tree) and the cgroup's path. */
    public record Line(int hierarchy, List<String> controllers, String path) {

        public Line {
            controllers = List.copyOf(controllers);
        }

        @Override
        public String toString() {
            return hierarchy + ":" + String.join(",", controllers) + ":" + path;
        }
    }

    /** The line that places the process for this controller: v2's unified line, or the v1 line naming it. */
    public Optional<Line> lineOf(CgroupVersion version, CgroupController controller) {
        return lines.stream().filter(line -> version == CgroupVersion.V2
                ? line.hierarchy() == 0 && line.controllers().isEmpty()
                : line.controllers().contains(controller.kernelName())).findFirst();
    }

    /**
     * The directory of the process's cgroup for this controller, from its line (never from a driver's naming):
     * v2 {@code /sys/fs/cgroup<path>}; v1 {@code /sys/fs/cgroup/<controllers as listed><path>}, the mount that
     * systemd and cgroupfs-mount make for each hierarchy ({@code cpu,cpuacct} when the two share one).
     */
    public Optional<CgroupDir> dirOf(CgroupVersion version, CgroupController controller) {
        return lineOf(version, controller).map(line -> new CgroupDir(version, version == CgroupVersion.V2
                ? CgroupVersion.ROOT : CgroupVersion.ROOT + "/" + String.join(",", line.controllers()), line.path()));
    }

    /** True when read from inside a cgroup namespace that does not hold the process (its paths begin {@code /..}). */
    public boolean readFromAnotherCgroupNamespace() {
        return lines.stream().anyMatch(line -> line.path().startsWith("/.."));
    }

    @Override
    public String toString() {
        return String.join("\n", lines.stream().map(Line::toString).toList());
    }
}
