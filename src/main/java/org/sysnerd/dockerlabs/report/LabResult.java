package org.sysnerd.dockerlabs.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One lab's result, as the learner and the grader see it.
 *
 * @param evidence the host facts the lab found, in the words of the lab
 * @param message  for a failed or blocked lab: expected vs seen, or the cause; null when passed
 * @param hint     for a failed or blocked lab: the likely reason or the fix, chosen from what was seen
 * @param lesson   for a lab failed on a fact that did not hold: that fact's parts (the message is their text), else null
 * @param verify   the lab page's "verify it yourself" command
 * @param subjects in the learner mode, the learner's containers the lab graded; empty in the spec mode
 */
// The points follow the facts they are counted from, as the schema lists them.
@JsonPropertyOrder({"id", "title", "status", "evidence", "message", "hint", "lesson", "verify", "durationMs", "tests", "points"})
public record LabResult(String id, String title, LabStatus status, List<String> evidence, String message, String hint,
                        Lesson lesson, String verify, long durationMs, List<TestResult> tests, List<GradedContainer> subjects,
                        List<CommandRecord> commands) {

    public LabResult {
        evidence = List.copyOf(evidence);
        tests = List.copyOf(tests);
        subjects = List.copyOf(subjects);
        commands = List.copyOf(commands);
    }

    /** The lab's points, one per fact (written to the JSON; read back, they are counted again from the facts). */
    @JsonProperty(value = "points", access = JsonProperty.Access.READ_ONLY)
    public Points points() {
        return Points.ofFacts(tests);
    }
}
