package org.sysnerd.dockerlabs.report;

import java.util.Collection;

/**
 * A lab's or a run's points: each fact checked on the graded state is one point possible, earned when it passed
 * (a failed fact is 0 of 1). A fact not checked there ({@link LabStatus#NOT_CHECKED}: left out by design, e.g. on
 * the learner's containers; {@link LabStatus#BLOCKED}: it could not be checked on this host) is out of the total.
 *
 * @param earned     facts that passed
 * @param possible   facts checked: passed and failed
 * @param notChecked facts left out on this state by design, out of the total
 * @param blocked    facts that could not be checked on this host, out of the total
 */
public record Points(int earned, int possible, int notChecked, int blocked) {

    /** No fact at all. */
    public static final Points NONE = new Points(0, 0, 0, 0);

    public Points {
        if (earned < 0 || possible < earned || notChecked < 0 || blocked < 0) {
            throw new IllegalArgumentException("points out of range: " + earned + " of " + possible);
        }
    }

    /** The points of facts with these statuses. */
    public static Points of(Collection<LabStatus> facts) {
        int earned = 0;
        int possible = 0;
        int notChecked = 0;
        int blocked = 0;
        for (LabStatus fact : facts) {
            switch (fact) {
                case PASSED -> { earned++; possible++; }
                case FAILED -> possible++;
                case NOT_CHECKED -> notChecked++;
                case BLOCKED -> blocked++;
            }
        }
        return new Points(earned, possible, notChecked, blocked);
    }

    /** The points of these facts. */
    public static Points ofFacts(Collection<TestResult> facts) {
        return of(facts.stream().map(TestResult::status).toList());
    }

    /** These points and those, e.g. a run's from its labs'. */
    public Points plus(Points other) {
        return new Points(earned + other.earned, possible + other.possible, notChecked + other.notChecked,
                blocked + other.blocked);
    }

    /** Every fact counted here, whatever its status: the lab's size, which the gradebook takes as its column's maximum. */
    public int facts() {
        return possible + notChecked + blocked;
    }

    /** Facts out of the total, whatever the reason. */
    public int outOfTotal() {
        return notChecked + blocked;
    }

    /** {@code 2 of 3 points}. */
    public String text() {
        return earned + " of " + possible + (possible == 1 ? " point" : " points");
    }

    /** {@code 2 of 2 points (1 not checked, out of the total)}: the points, and which facts are left out when some are. */
    public String summary() {
        if (outOfTotal() == 0) {
            return text();
        }
        String notCheckedText = notChecked == 0 ? "" : notChecked + " not checked";
        String blockedText = blocked == 0 ? "" : blocked + " blocked";
        String both = notCheckedText.isEmpty() || blockedText.isEmpty() ? notCheckedText + blockedText
                : notCheckedText + ", " + blockedText;
        return text() + " (" + both + ", out of the total)";
    }

    /** The lines that say which facts are out of the total, e.g. {@code 1 fact not checked on your containers, out of the total}. */
    public java.util.List<String> outOfTotalLines(String state) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (notChecked > 0) {
            lines.add(facts(notChecked) + " not checked on " + state + ", out of the total");
        }
        if (blocked > 0) {
            lines.add(facts(blocked) + " blocked (could not be checked on this host), out of the total");
        }
        return lines;
    }

    private static String facts(int count) {
        return count + (count == 1 ? " fact" : " facts");
    }
}
