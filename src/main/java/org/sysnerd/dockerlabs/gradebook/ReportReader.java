package org.sysnerd.dockerlabs.gradebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.Points;

/**
 * Reads one VM's {@code labs-report.json} into its gradebook row. A report that is missing, truncated or not a
 * report gives a row whose labs are all BLOCKED with the reason: never a crash, never a pass.
 */
public final class ReportReader {

    /** The labs of the page: every gradebook has their columns, even when no report has them. */
    public static final List<String> PAGE_LABS = List.of("Q1", "Q2", "Q3", "Q4", "Q5");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportReader() {
    }

    /** The row of {@code vm} from its report; {@code why} (e.g. the fleet's "timed out after 300 s") explains a missing one. */
    public static VmGrade read(String vm, Path report, String why) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(report));
        } catch (NoSuchFileException e) {
            return unread(vm, report, "no report" + (why.isBlank() ? "" : ": " + why));
        } catch (IOException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return unread(vm, report, "report unreadable (" + first + ")" + (why.isBlank() ? "" : ": " + why));
        }
        if (root == null || !root.path("labs").isArray()) {
            return unread(vm, report, "not a labs report (no labs)" + (why.isBlank() ? "" : ": " + why));
        }
        Map<String, LabStatus> labs = new LinkedHashMap<>();
        Map<String, Points> points = new LinkedHashMap<>();
        int passed = 0;
        for (JsonNode lab : root.path("labs")) {
            LabStatus status = status(lab.path("status").asText());
            labs.put(lab.path("id").asText(), status);
            points.put(lab.path("id").asText(), points(lab));
            passed += status == LabStatus.PASSED ? 1 : 0;
        }
        // v1 reports have no mode: before modes, every run was the spec.
        String mode = root.path("mode").asText("spec");
        return new VmGrade(vm, labs, points, passed, labs.size(), engine(root), mode, report.toString(), why);
    }

    /**
     * The row of {@code vm} whose run did not end normally ({@code why}: the fleet's status): BLOCKED, whatever report
     * the run left (written after its limit or cut off), so that a timed-out VM grades alike in every way of grading.
     */
    public static VmGrade notGraded(String vm, Path report, String why) {
        return unread(vm, report, (Files.exists(report) ? "report left out, the run did not end normally: " : "no report: ") + why);
    }

    /** A lab's points: counted again from its facts, as the kit counts them (reports before v4 have no points). */
    private static Points points(JsonNode lab) {
        List<LabStatus> facts = new ArrayList<>();
        for (JsonNode fact : lab.path("tests")) {
            facts.add(factStatus(fact.path("status").asText()));
        }
        return Points.of(facts);
    }

    private static LabStatus factStatus(String text) {
        try {
            return LabStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            return LabStatus.BLOCKED;
        }
    }

    /** A lab's status: PASSED, FAILED or BLOCKED (a lab is never NOT_CHECKED whole: anything else was not checked). */
    private static LabStatus status(String text) {
        LabStatus status = factStatus(text);
        return status == LabStatus.NOT_CHECKED ? LabStatus.BLOCKED : status;
    }

    /** The engine's summary; without one (Docker not reached), the blocking preflight finding. */
    private static String engine(JsonNode root) {
        String summary = root.path("engine").path("summary").asText("");
        if (!summary.isBlank()) {
            return summary;
        }
        for (JsonNode finding : root.path("preflight")) {
            if (finding.path("blocking").asBoolean(false)) {
                return "unknown: " + finding.path("found").asText("").strip().lines().findFirst().orElse("");
            }
        }
        return "unknown";
    }

    private static VmGrade unread(String vm, Path report, String note) {
        Map<String, LabStatus> labs = new LinkedHashMap<>();
        PAGE_LABS.forEach(lab -> labs.put(lab, LabStatus.BLOCKED));
        return new VmGrade(vm, labs, Map.of(), 0, PAGE_LABS.size(), "unknown", "", report.toString(), note);
    }
}
