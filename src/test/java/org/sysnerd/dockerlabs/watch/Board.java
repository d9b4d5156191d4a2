package org.sysnerd.dockerlabs.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sysnerd.dockerlabs.report.LabResult;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.Points;
import org.sysnerd.dockerlabs.report.Report;
import org.sysnerd.dockerlabs.report.TestResult;
import org.sysnerd.dockerlabs.watch.FactHistory.Change;

/**
 * The watch's board, as lines: each lab with its verdict and points, each fact with its mark and what changed, the
 * lesson's first lines for the first fact that fails, and the score. Pure: drawn by {@link Screen}, tested on reports.
 */
final class Board {

    /** How a line is shown where colours are. */
    enum Tone { HEAD, PASSED, FAILED, BLOCKED, PLAIN, QUIET }

    /** One line of the board. */
    record Line(String text, Tone tone) {
    }

    /** How much fits: everything, the passed labs' facts left out, or the labs and their lessons only. */
    enum Detail { ALL, FAILING_FACTS, LABS }

    private Board() {
    }

    /** The board for a run's report; {@code blocked} is the watch's own cause when Docker does not answer, or null. */
    static List<Line> lines(Report report, Map<String, Change> changes, String blocked, String status, Detail detail) {
        List<Line> out = new ArrayList<>();
        out.add(new Line("Docker labs · watching your own containers (learner mode)", Tone.HEAD));
        if (blocked != null) {
            out.add(new Line("BLOCKED: " + blocked, Tone.BLOCKED));
        }
        if (report == null) {
            out.add(new Line("no board yet: the labs are being checked", Tone.QUIET));
        } else {
            report.preflight().stream().filter(f -> f.isBlocking()).forEach(f -> out.add(new Line("BLOCKED " + f.check()
                    + ": " + f.found().strip() + " · Fix: " + f.fix(), Tone.BLOCKED)));
            report.labs().forEach(lab -> lab(out, lab, changes, detail));
            out.add(new Line(score(report), report.passed() == report.total() ? Tone.PASSED : Tone.HEAD));
            engine(report).ifPresent(engine -> out.add(new Line(engine, Tone.QUIET)));
        }
        out.add(new Line(status, Tone.QUIET));
        return out;
    }

    /** {@code All 6 labs passed · 17 of 17 points}, or {@code 2/6 labs passed · 6 of 17 points}. */
    static String score(Report report) {
        Points points = report.points();
        return (report.passed() == report.total() && report.total() > 0 ? "All " + report.total() + " labs passed"
                : report.passed() + "/" + report.total() + " labs passed") + " · " + points.text();
    }

    /**
     * Which engine the labs looked at and how the host was read, as the self-grade's score line says it: {@code Docker
     * 29.7.2 · overlayfs (containerd store) · cgroup v2 (systemd) · iptables-nft · host read direct}; none before Docker answered.
     */
    static Optional<String> engine(Report report) {
        Object summary = report.engine().get("summary");
        if (summary == null) {
            return Optional.empty();
        }
        String probe = report.probe() == null ? "" : report.probe().split(" \\(", 2)[0].strip();
        return Optional.of(summary + (probe.isEmpty() ? "" : " · host read " + probe));
    }

    private static void lab(List<Line> out, LabResult lab, Map<String, Change> changes, Detail detail) {
        boolean turnedGreen = lab.status() == LabStatus.PASSED && lab.tests().stream()
                .anyMatch(t -> changes.get(FactHistory.key(lab, t)) == Change.NOW_PASSES);
        out.add(new Line(String.format("%-3s %-40s %-7s %s%s", lab.id(), lab.title(), lab.status().name(),
                lab.points().summary(), turnedGreen ? "  ← now passes" : ""), tone(lab.status())));
        boolean facts = detail == Detail.ALL || detail == Detail.FAILING_FACTS && lab.status() != LabStatus.PASSED;
        for (TestResult fact : lab.tests()) {
            Change change = changes.get(FactHistory.key(lab, fact));
            if (facts || change == Change.REGRESSION) {
                out.add(new Line("    " + mark(fact.status()) + " " + fact.name() + note(change), change == Change.REGRESSION
                        ? Tone.FAILED : tone(fact.status())));
            }
        }
        if (lab.status() != LabStatus.PASSED) {
            String expected = lab.lesson() != null && lab.lesson().expected() != null ? "Expected: " + lab.lesson().expected()
                    : lab.message() == null ? null : lab.message().strip().lines().findFirst().orElse(null);
            if (expected != null) {
                out.add(new Line("      " + expected, Tone.PLAIN));
            }
            if (lab.hint() != null) {
                out.add(new Line((lab.status() == LabStatus.BLOCKED ? "      Fix: " : "      Why: ") + lab.hint(), Tone.PLAIN));
            }
        }
    }

    private static String mark(LabStatus status) {
        return switch (status) {
            case PASSED -> "✓";
            case FAILED -> "✗";
            case BLOCKED -> "!";
            case NOT_CHECKED -> "·";
        };
    }

    private static String note(Change change) {
        if (change == null) {
            return "";
        }
        return change == Change.NOW_PASSES ? "  ← now passes" : "  ← REGRESSION: it passed before in this watch";
    }

    private static Tone tone(LabStatus status) {
        return switch (status) {
            case PASSED -> Tone.PASSED;
            case FAILED -> Tone.FAILED;
            case BLOCKED -> Tone.BLOCKED;
            case NOT_CHECKED -> Tone.QUIET;
        };
    }
}
