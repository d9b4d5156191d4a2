package org.sysnerd.dockerlabs.gradebook;

import org.sysnerd.dockerlabs.report.LabStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.report.Points;

/**
 * One VM's row of the gradebook: each lab's status and points as its {@code labs-report.json} gives them.
 *
 * @param vm      the VM's name in the fleet's list (the learner's identifier in the LMS's CSV)
 * @param labs    lab id (e.g. "Q3") to PASSED / FAILED / BLOCKED, in the report's order
 * @param points  lab id to its points; a lab without (no report, or not in it) has none: it was not graded
 * @param passed  labs passed
 * @param total   labs in the report
 * @param engine  the engine's summary (e.g. "Docker 26.1.5 · overlay2 · cgroup v1 · iptables"), or why it is not known
 * @param mode    whose containers were graded: spec or learner; "" when there is no report
 * @param report  the path of the VM's own labs-report.json
 * @param note    why the row is not what the labs said (no report, a truncated one, a time limit), or ""
 */
public record VmGrade(String vm, Map<String, LabStatus> labs, Map<String, Points> points, int passed, int total,
                      String engine, String mode, String report, String note) {

    public VmGrade {
        labs = Collections.unmodifiableMap(new LinkedHashMap<>(labs));
        points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
    }

    /** The lab's status; BLOCKED when the report does not have the lab (it was not checked). */
    public LabStatus status(String lab) {
        return labs.getOrDefault(lab, LabStatus.BLOCKED);
    }

    /** The lab's points; none (0 of 0) when the report does not have the lab. */
    public Points points(String lab) {
        return points.getOrDefault(lab, Points.NONE);
    }

    /** The row's points in all, over its labs. */
    public Points pointsInAll() {
        return points.values().stream().reduce(Points.NONE, Points::plus);
    }

    /** This row scored over the gradebook's columns: a lab the report lacks counts, as BLOCKED, never as a pass. */
    public VmGrade over(List<String> columns) {
        int passedThere = (int) columns.stream().filter(lab -> status(lab) == LabStatus.PASSED).count();
        return new VmGrade(vm, labs, points, passedThere, columns.size(), engine, mode, report, note);
    }

    /** The score as the suite prints it, e.g. "4/5". */
    public String score() {
        return passed + "/" + total;
    }
}
