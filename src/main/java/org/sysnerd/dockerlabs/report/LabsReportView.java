package org.sysnerd.dockerlabs.report;

import java.util.List;
import java.util.Objects;
import org.sysnerd.dockerlabs.preflight.Finding;

/** What {@code labs-report.html} shows of a {@link Report}: the words and groupings its template needs, no markup. */
public record LabsReportView(Report report) {

    /** The page's title: the score, the mode and the engine. */
    public String title() {
        return "Docker labs · " + report.score() + " · " + report.mode() + " mode · " + engine();
    }

    /** Whose containers the labs looked at, in a learner's words. */
    public String whose() {
        return "learner".equals(report.mode()) ? "your own containers" : "the suite's own containers";
    }

    /** The engine's summary, or why there is none. */
    public String engine() {
        Object summary = report.engine().get("summary");
        return summary == null ? "no engine (Docker was not reached)" : summary.toString();
    }

    /** The preflight's findings that blocked labs. */
    public List<Finding> blocking() {
        return report.preflight().stream().filter(Finding::isBlocking).toList();
    }

    /** The labs, each with its parts. */
    public List<LabView> labs() {
        return report.labs().stream().map(LabView::new).toList();
    }

    /** Every learner's container any lab graded, once each. */
    public List<GradedContainer> graded() {
        return report.labs().stream().flatMap(lab -> lab.subjects().stream()).distinct().toList();
    }

    /** A status as a word: {@code passed}, {@code failed}, {@code blocked}, {@code not checked}. */
    public static String word(LabStatus status) {
        return status.toString().replace('_', ' ');
    }

    /** A container ID as {@code docker ps} shows it (12 characters). */
    public static String shortId(String id) {
        return id == null ? "" : id.length() <= 12 ? id : id.substring(0, 12);
    }

    /** One lab: its verdict, the lesson when it did not pass, its facts. */
    public record LabView(LabResult lab) {

        /** The verdict's CSS class (also its word): passed, failed, blocked. */
        public String css() {
            return lab.status().toString();
        }

        /** The lab's lesson; for a message that is none (a block's cause, an error), the message as the fact. */
        public Lesson lesson() {
            return lab.lesson() != null ? lab.lesson() : new Lesson(lab.message(), null, null, null);
        }

        /** True when one of the facts carries the lab's message (it is shown there, with its Expected and Seen). */
        public boolean lessonInFacts() {
            return lab.message() != null && lab.tests().stream().anyMatch(t -> Objects.equals(t.message(), lab.message()));
        }

        /** What the hint is: the likely reason for a failed lab, the fix for a blocked one. */
        public String hintLabel() {
            return lab.status() == LabStatus.BLOCKED ? "Fix" : "Why";
        }

        /** The facts, each with its parts. */
        public List<FactView> facts() {
            return lab.tests().stream().map(t -> new FactView(t, Objects.equals(t.message(), lab.message()) ? lab.hint() : null))
                    .toList();
        }
    }

    /**
     * One fact of a lab.
     *
     * @param why the likely reason, when it is the lab's lesson (the lab's hint was chosen from this fact), else null
     */
    public record FactView(TestResult fact, String why) {

        /** The status's CSS class: passed, failed, blocked, not_checked. */
        public String css() {
            return fact.status().toString();
        }

        /** The fact's failure in its parts (empty for a passed or a not-checked fact; a message that is no lesson as the fact). */
        public Lesson lesson() {
            if (fact.lesson() != null) {
                return fact.lesson();
            }
            boolean failure = fact.status() == LabStatus.FAILED || fact.status() == LabStatus.BLOCKED;
            return new Lesson(failure ? fact.message() : null, null, null, null);
        }

        /** What the fact counts for: {@code 1 of 1 point}, {@code 0 of 1 point}, or that it is out of the total. */
        public String points() {
            return switch (fact.status()) {
                case PASSED -> "1 of 1 point";
                case FAILED -> "0 of 1 point";
                case NOT_CHECKED, BLOCKED -> "out of the total";
            };
        }

        /** Why the fact was not checked (learner mode), or null. */
        public String notCheckedReason() {
            return fact.status() == LabStatus.NOT_CHECKED ? fact.message() : null;
        }
    }
}
