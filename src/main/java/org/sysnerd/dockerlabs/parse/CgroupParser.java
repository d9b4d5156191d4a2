package org.sysnerd.dockerlabs.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sysnerd.dockerlabs.facts.CgroupMembership;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.MemoryLimit;

/** Reads the cgroup files: {@code /proc/<pid>/cgroup}, {@code cgroup.procs} and the memory and CPU limits. */
public final class CgroupParser {

    /**
     * v1's "no limit": the largest multiple of the page size a long holds (9223372036854771712 with 4 KiB pages,
     * 9223372036854710272 with 64 KiB ones); any value within 1 MiB of Long.MAX_VALUE is one of them.
     */
    private static final long V1_NO_LIMIT_FLOOR = Long.MAX_VALUE - (1L << 20);

    private CgroupParser() {
    }

    /** {@code /proc/<pid>/cgroup}: one {@code hierarchy:controllers:path} line per hierarchy. */
    public static CgroupMembership membership(long pid, String text) {
        List<CgroupMembership.Line> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            // The path may hold colons itself: split at the first two only.
            String[] fields = line.strip().split(":", 3);
            if (fields.length != 3 || !fields[0].matches("\\d{1,9}") || !fields[2].startsWith("/")) {
                throw new IllegalArgumentException("not a /proc/<pid>/cgroup line (hierarchy:controllers:path): '"
                        + line + "'");
            }
            List<String> controllers = fields[1].isEmpty() ? List.of() : Arrays.asList(fields[1].split(","));
            lines.add(new CgroupMembership.Line(Integer.parseInt(fields[0]), controllers, fields[2]));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no line in /proc/" + pid + "/cgroup");
        }
        return new CgroupMembership(pid, lines);
    }

    /** {@code cgroup.procs}: the PIDs of the cgroup, one a line (as the reader's PID namespace numbers them). */
    public static List<Long> procs(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> number(l, "cgroup.procs")).toList();
    }

    /** v2 {@code memory.max} ({@code max} or bytes) or v1 {@code memory.limit_in_bytes} (bytes). */
    /**
     * The {@code oom_kill} count of a cgroup v2 {@code memory.events} (processes the kernel's OOM killer killed in it
     * and, as the counts are hierarchical, in the cgroups below it).
     */
    public static long oomKills(String memoryEvents) {
        return memoryEvents.lines().map(String::strip).filter(l -> l.startsWith("oom_kill "))
                .mapToLong(l -> number(l.substring("oom_kill ".length()), "memory.events oom_kill")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no oom_kill line in memory.events: " + memoryEvents.strip()));
    }

    public static MemoryLimit memoryLimit(String text) {
        String value = text.strip();
        if (value.equals("max")) {
            return new MemoryLimit(value, null);
        }
        long bytes = number(value, "a memory limit");
        return new MemoryLimit(value, bytes > V1_NO_LIMIT_FLOOR ? null : bytes);
    }

    /** v2 {@code cpu.max}: {@code <quota> <period>}, the quota {@code max} when there is none. */
    public static CpuQuota cpuMax(String text) {
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 2) {
            throw new IllegalArgumentException("not a cpu.max (<quota|max> <period>): '" + text.strip() + "'");
        }
        Long quota = fields[0].equals("max") ? null : number(fields[0], "cpu.max's quota");
        return new CpuQuota(quota, number(fields[1], "cpu.max's period"));
    }

    /** v1 {@code cpu.cfs_quota_us} ({@code -1} when there is none) and {@code cpu.cfs_period_us}. */
    public static CpuQuota cfsQuota(String quotaText, String periodText) {
        long quota = number(quotaText.strip(), "cpu.cfs_quota_us");
        return new CpuQuota(quota < 0 ? null : quota, number(periodText.strip(), "cpu.cfs_period_us"));
    }

    private static long number(String text, String what) {
        String value = text.strip();
        if (!value.matches("-?\\d{1,19}")) {
            throw new IllegalArgumentException("not a number in " + what + ": '" + value + "'");
        }
        return Long.parseLong(value);
    }
}
