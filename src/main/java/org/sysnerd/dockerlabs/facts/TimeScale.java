package org.sysnerd.dockerlabs.facts;

import java.time.Duration;
import org.sysnerd.dockerlabs.settings.Setting;

/**
 * How many times slower than a plain host the daemon's host is said to be: {@code -Dlabs.timeScale=N} /
 * {@code LABS_TIME_SCALE=N} (1 to 50, default 1) multiplies every limit the kit waits on the daemon or its host
 * with (one exec, a container's start and stop, Q6's OOM kill, the DNAT rule's counters). For a VM without hardware
 * virtualization (qemu's TCG), where measured one {@code docker exec} takes 0.8-1.7 s against 0.05 s here and one
 * {@code docker run} 5.6 s against 0.26 s: the labs' 10 s limits then run out under six labs at once. A hang is not
 * hidden: it still ends, N times later, and the preflight says the limits are scaled. Never a measured guess inside
 * the run: a slow host and a hanging one look alike from here, so whoever knows the host says so.
 */
public final class TimeScale {

    public static final String PROPERTY = Setting.TIME_SCALE.property();
    public static final String VARIABLE = Setting.TIME_SCALE.environmentVariable();
    private static final double MAX = 50;

    private TimeScale() {
    }

    /** The factor set, or 1. */
    public static double factor() {
        return parse(Setting.TIME_SCALE.value());
    }

    /** The factor in a setting's text; null or blank is 1. */
    public static double parse(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        double factor;
        try {
            factor = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            factor = Double.NaN;
        }
        if (!(factor >= 1 && factor <= MAX)) {
            throw new IllegalArgumentException(VARIABLE + " / -D" + PROPERTY + " is '" + value
                    + "': a number from 1 to " + (int) MAX + " (how many times slower than a plain host the daemon's host is)");
        }
        return factor;
    }

    /** The limit, scaled. */
    public static Duration of(Duration limit) {
        return scaled(limit, factor());
    }

    static Duration scaled(Duration limit, double factor) {
        return Duration.ofMillis(Math.round(limit.toMillis() * factor));
    }
}
