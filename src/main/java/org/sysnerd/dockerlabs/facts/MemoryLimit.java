package org.sysnerd.dockerlabs.facts;

/**
 * A cgroup's memory limit as its file shows it: v2 {@code memory.max} ({@code max} or bytes), v1
 * {@code memory.limit_in_bytes} (bytes; with no limit, the largest page multiple, 9223372036854771712 on 4 KiB pages).
 *
 * @param text  the file's content, as seen
 * @param bytes the limit, or null when there is none
 */
public record MemoryLimit(String text, Long bytes) {

    /** True when the limit is this many bytes. */
    public boolean is(long expected) {
        return bytes != null && bytes == expected;
    }

    @Override
    public String toString() {
        if (bytes == null) {
            return text + " (no limit)";
        }
        return bytes % (1L << 20) == 0 ? text + " (" + (bytes >> 20) + " MiB)" : text;
    }
}
