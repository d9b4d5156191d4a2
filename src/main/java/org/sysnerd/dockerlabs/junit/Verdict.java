package org.sysnerd.dockerlabs.junit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.platform.engine.TestExecutionResult;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.assertions.NotChecked;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.preflight.LabBlocked;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.Lesson;

/**
 * A lab's status from its outcomes, keeping failed (a fact did not hold) apart from blocked (it could not be
 * checked here, which is never a pass), and a timeout apart from other errors. Blocked is chosen by cause: the
 * preflight, a host fact that cannot be read, a container the daemon would not start, the Docker client losing the
 * daemon; a request the lab made that was refused or unanswered is a failed fact, not a lost daemon.
 *
 * @param lesson a failed fact's parts, of which {@code message} is the text; null when the message is no lesson
 */
record Verdict(LabStatus status, String message, String hint, Lesson lesson) {

    /** A verdict whose message is no lesson: a pass, a cause of a block, an error. */
    Verdict(LabStatus status, String message, String hint) {
        this(status, message, hint, null);
    }

    static Verdict of(LabReportListener.Outcome lab, List<LabReportListener.Outcome> tests) {
        List<LabReportListener.Outcome> all = new ArrayList<>();
        if (lab != null) {
            all.add(lab);
        }
        all.addAll(tests);
        // A fact that did not hold is the learner's lesson, whatever else could not be checked: failed wins.
        Verdict blocked = null;
        Verdict notChecked = null;
        boolean checked = false;
        for (LabReportListener.Outcome outcome : all) {
            Verdict verdict = of(outcome);
            if (verdict != null && verdict.status() == LabStatus.FAILED) {
                return verdict;
            }
            if (verdict != null && verdict.status() == LabStatus.NOT_CHECKED) {
                notChecked = notChecked == null ? verdict : notChecked;
                continue;
            }
            checked |= outcome != lab;
            blocked = blocked == null ? verdict : blocked;
        }
        if (blocked != null) {
            return blocked;
        }
        // A lab is graded on the facts the learner's state shows (a NotChecked fact is listed, not counted); one fact alone is its own.
        if (!checked && notChecked != null) {
            return lab == null ? notChecked : new Verdict(LabStatus.BLOCKED, "no fact of this lab was checked: "
                    + notChecked.message(), notChecked.hint());
        }
        return tests.isEmpty() ? new Verdict(LabStatus.BLOCKED, "no fact of this lab was checked", null)
                : new Verdict(LabStatus.PASSED, null, null);
    }

    /** One outcome's verdict, or null when it passed. */
    private static Verdict of(LabReportListener.Outcome outcome) {
        TestExecutionResult result = outcome.result();
        return switch (result.getStatus()) {
            case ABORTED -> result.getThrowable().orElse(null) instanceof NotChecked notChecked
                    ? new Verdict(LabStatus.NOT_CHECKED, "not checked on your own containers: " + notChecked.getMessage(), null)
                    : new Verdict(LabStatus.BLOCKED, outcome.name() + ": not checked: "
                            + result.getThrowable().map(Throwable::getMessage).orElse("aborted"), null);
            case FAILED -> ofThrowable(outcome.name(), result.getThrowable().orElse(new AssertionError("failed")));
            case SUCCESSFUL -> null;
        };
    }

    static Verdict ofThrowable(String test, Throwable thrown) {
        LabBlocked blocked = find(thrown, LabBlocked.class);
        if (blocked != null) {
            return new Verdict(LabStatus.BLOCKED, blocked.finding().found().strip(), blocked.finding().fix());
        }
        HostFactUnavailable unreadable = find(thrown, HostFactUnavailable.class);
        if (unreadable != null) {
            return new Verdict(LabStatus.BLOCKED, test + ": " + unreadable.getMessage(), unreadable.fix() != null
                    ? unreadable.fix() : "the fact could not be read on this host, so the lab was not checked");
        }
        Verdict refused = DaemonErrors.containerNotStarted(test, thrown);
        if (refused != null) {
            return refused;
        }
        IOException lost = DaemonErrors.lost(thrown);
        if (lost != null) {
            return new Verdict(LabStatus.BLOCKED, test + ": the Docker daemon stopped answering during the lab ("
                    + lost + ")", "check that it runs (`docker info`), then run the labs again");
        }
        LabFailure lesson = find(thrown, LabFailure.class);
        String prefix = test + (thrown instanceof ConditionTimeoutException ? ": timeout: " + firstLine(thrown) : "");
        if (lesson != null) {
            Lesson parts = new Lesson(prefix, lesson.expected(), lesson.seen(), lesson.command());
            return new Verdict(LabStatus.FAILED, parts.text(), lesson.why(), parts);
        }
        if (thrown instanceof ConditionTimeoutException) {
            return new Verdict(LabStatus.FAILED, prefix, null);
        }
        String kind = thrown instanceof AssertionError ? "" : thrown.getClass().getSimpleName() + ": ";
        return new Verdict(LabStatus.FAILED, test + ": " + kind + String.valueOf(thrown.getMessage()).strip(), null);
    }

    private static String firstLine(Throwable thrown) {
        String first = String.valueOf(thrown.getMessage()).strip().lines().findFirst().orElse("");
        int because = first.indexOf(" because");
        return because < 0 ? first : first.substring(0, because);
    }

    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable at = thrown; at != null; at = at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }
}
