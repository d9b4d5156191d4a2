package org.sysnerd.dockerlabs.facts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AppArmor profile a process runs under, as the kernel labels it in {@code /proc/<pid>/attr/apparmor/current}:
 * {@code docker-default (enforce)} for a Docker container on an AppArmor host, {@code containers-default-0.62.2 (enforce)}
 * for Podman's, {@code unconfined} for one run {@code --security-opt apparmor=unconfined} and for the host's own
 * processes. {@code docker inspect -f '{{.AppArmorProfile}}'} names the profile the engine asked for; this is the
 * one the kernel applies.
 *
 * @param profile the profile's name, {@code unconfined} when none applies
 * @param mode    {@code enforce} (denials are enforced), {@code complain} (only logged), {@code kill}, or
 *                {@code unconfined}
 */
public record AppArmorLabel(String profile, String mode) {

    public static final AppArmorLabel UNCONFINED = new AppArmorLabel("unconfined", "unconfined");

    private static final Pattern LABEL = Pattern.compile("(.+?) \\(([a-z_]+)\\)");

    /**
     * Reads {@code cat /proc/<pid>/attr/apparmor/current}: a profile and its mode in parentheses, or {@code unconfined}.
     * The kernel ends it with a newline (some kernels with a NUL too).
     */
    public static AppArmorLabel parse(String attrCurrent) {
        String label = attrCurrent.replace("\0", "").strip();
        if (label.equals("unconfined")) {
            return UNCONFINED;
        }
        Matcher m = LABEL.matcher(label);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected an AppArmor label like 'docker-default (enforce)' or"
                    + " 'unconfined', got: '" + label + "'");
        }
        return new AppArmorLabel(m.group(1), m.group(2));
    }

    /**
     * The label from what {@code cat /proc/<pid>/attr/apparmor/current} did: empty when it failed, since that file is
     * there only on a kernel that runs AppArmor (Debian 12's sandbox kernel has no {@code attr/apparmor/}).
     */
    public static Optional<AppArmorLabel> ofRead(long exitCode, String stdout) {
        return exitCode == 0 && !stdout.isBlank() ? Optional.of(parse(stdout)) : Optional.empty();
    }

    /** True when the profile's denials take effect ({@code enforce} or {@code kill}), not only logged. */
    public boolean enforced() {
        return mode.equals("enforce") || mode.equals("kill");
    }

    /** As the kernel prints it: {@code docker-default (enforce)}, or {@code unconfined}. */
    @Override
    public String toString() {
        return this.equals(UNCONFINED) ? "unconfined" : profile + " (" + mode + ")";
    }
}
