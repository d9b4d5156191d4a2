package org.sysnerd.dockerlabs.gradebook;

import java.util.Map;

/**
 * One VM's row of the gradebook: each lab's status as its {@code labs-report.json} gives it.
 *
 * @param vm      the VM's name in the fleet's list
 * @param labs    lab id (e.g. "Q3") to PASSED / FAILED / BLOCKED, in the report's order
 * @param passed  labs passed
 * @param total   labs in the report
 * @param engine  the engine's summary (e.g. "Docker 26.1.5 · overlay2 · cgroup v1 · iptables"), or why it is not known
 * @param mode    whose containers were graded: spec or learner; "" when there is no report
 * @param report  the path of the VM's own labs-report.json
 * @param note    why the row is not what the labs said (no report, a truncated one, a time limit), or ""
 */
public record VmGrade(String vm, Map<String, LabStatus> labs, int passed, int total, String engine, String mode,
                      String report, String note) {

    /** A lab's result in the gradebook, as in labs-report.json. */
    public enum LabStatus { PASSED, FAILED, BLOCKED }

    public VmGrade {
        labs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labs));
    }

    /** The lab's status; BLOCKED when the report does not have the lab (it was not checked). */
    public LabStatus status(String lab) {
        return labs.getOrDefault(lab, LabStatus.BLOCKED);
    }

    /** This row scored over the gradebook's columns: a lab the report lacks counts, as BLOCKED, never as a pass. */
    public VmGrade over(java.util.List<String> columns) {
        int passedThere = (int) columns.stream().filter(lab -> status(lab) == LabStatus.PASSED).count();
        return new VmGrade(vm, labs, passedThere, columns.size(), engine, mode, report, note);
    }

    /** The score as the suite prints it, e.g. "4/5". */
    public String score() {
        return passed + "/" + total;
    }
}
