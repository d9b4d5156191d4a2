package org.sysnerd.dockerlabs.watch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysnerd.dockerlabs.report.LabResult;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.TestResult;

/**
 * What changed between the watch's boards: a fact that turned green says so until the next change, and a fact that
 * fails after it passed once in this watch is a regression until it passes again (never a silent red).
 */
final class FactHistory {

    /** How a fact's line is marked. */
    enum Change { NOW_PASSES, REGRESSION }

    private final Map<String, LabStatus> last = new HashMap<>();
    private final Set<String> passedOnce = new HashSet<>();
    private final Map<String, Change> turnedGreen = new HashMap<>();
    private boolean first = true;
    private boolean moved;

    /** The key of a fact on the board: its lab and its sentence. */
    static String key(LabResult lab, TestResult fact) {
        return lab.id() + " · " + fact.name();
    }

    /** True when the last board's facts differed from the one before. */
    boolean moved() {
        return moved;
    }

    /** Takes a new board's labs; returns each marked fact's change, by {@link #key}. */
    Map<String, Change> update(List<LabResult> labs) {
        Map<String, LabStatus> now = new HashMap<>();
        labs.forEach(lab -> lab.tests().forEach(fact -> now.put(key(lab, fact), fact.status())));
        moved = !first && !now.equals(last);
        if (moved) {
            // A note that a fact now passes stays until the board changes again, so a timer's re-check keeps it.
            turnedGreen.clear();
        }
        Map<String, Change> changes = new HashMap<>();
        now.forEach((key, status) -> {
            if (status == LabStatus.PASSED) {
                if (moved && last.get(key) != LabStatus.PASSED) {
                    turnedGreen.put(key, Change.NOW_PASSES);
                }
                passedOnce.add(key);
            } else if (status == LabStatus.FAILED && passedOnce.contains(key)) {
                changes.put(key, Change.REGRESSION);
            }
        });
        turnedGreen.keySet().retainAll(now.keySet());
        changes.putAll(turnedGreen);
        last.clear();
        last.putAll(now);
        first = false;
        return changes;
    }
}
