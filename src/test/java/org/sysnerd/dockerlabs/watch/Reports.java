package org.sysnerd.dockerlabs.watch;

import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.report.LabResult;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.Lesson;
import org.sysnerd.dockerlabs.report.Report;
import org.sysnerd.dockerlabs.report.TestResult;

/** Small learner-mode reports for the watch's tests: Q1's three facts, and Q5's one, as the board shows them. */
final class Reports {

    static final String PID = "its PID is an nginx process in the host's /proc";
    static final String NETNS = "its net namespace link differs from the host's";
    static final String INSIDE = "inside, it is PID 1 in the same net namespace";
    static final String EXITS = "it exits at once, with exit code 0";

    private Reports() {
    }

    /** Q1 with its facts as given (PASSED or FAILED each, in order PID, NETNS, INSIDE), and Q5 passed. */
    static Report q1(LabStatus pid, LabStatus netns, LabStatus inside) {
        List<TestResult> facts = List.of(fact(PID, pid), fact(NETNS, netns), fact(INSIDE, inside));
        boolean passed = facts.stream().allMatch(f -> f.status() == LabStatus.PASSED);
        LabResult q1 = new LabResult("Q1", "A container is just a host process", passed ? LabStatus.PASSED : LabStatus.FAILED,
                List.of(), passed ? null : "the fact\nExpected: a running container named web", passed ? null
                : "web is paused (docker pause froze its processes): docker unpause web", passed ? null
                : new Lesson("the fact", "a running container named web", "web paused", "docker ps -a"), "docker ps",
                10, facts, List.of(), List.of());
        LabResult q5 = new LabResult("Q5", "Break-and-fix: the instant exit", LabStatus.PASSED, List.of(), null, null, null,
                "docker ps -a", 10, List.of(fact(EXITS, LabStatus.PASSED)), List.of(), List.of());
        return new Report(Report.SCHEMA, "run1", "learner", "t0", "t1", Map.of(), "directly", List.of(), List.of(q1, q5),
                passed ? 2 : 1, 2);
    }

    private static TestResult fact(String name, LabStatus status) {
        return new TestResult(name, status, status == LabStatus.PASSED ? null : "failed");
    }
}
