package org.sysnerd.dockerlabs.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.preflight.Finding;

/**
 * A run of the labs: {@code target/labs-report.json}, whose schema is {@code labs-report.schema.json}
 * (versioned by {@link #SCHEMA}).
 *
 * @param mode   whose containers the labs looked at: {@code spec} (the suite's own) or {@code learner}
 * @param engine the engine's facts ({@code version}, {@code storageDriver}, {@code cgroupVersion},
 *               {@code firewallBackend}, ...), empty when Docker could not be reached
 */
public record Report(String schema, String runId, String mode, String startedAt, String finishedAt, Map<String, Object> engine,
                     String probe, List<Finding> preflight, List<LabResult> labs, int passed, int total) {

    /** The schema this report follows; a change that breaks readers bumps the version. */
    public static final String SCHEMA = "https://sysnerd.org/docker-labs/labs-report/v4";

    public Report {
        engine = Collections.unmodifiableMap(new LinkedHashMap<>(engine));
        preflight = List.copyOf(preflight);
        labs = List.copyOf(labs);
    }

    /** The score line: {@code 4/5 labs passed · 12 of 15 points}. */
    public String score() {
        return passed + "/" + total + " labs passed · " + points().text();
    }

    /** The run's points: its labs' together (written to the JSON; read back, they are counted again from the facts). */
    @JsonProperty(value = "points", access = JsonProperty.Access.READ_ONLY)
    public Points points() {
        return labs.stream().map(LabResult::points).reduce(Points.NONE, Points::plus);
    }
}
