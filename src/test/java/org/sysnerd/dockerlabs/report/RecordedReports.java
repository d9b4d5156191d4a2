package org.sysnerd.dockerlabs.report;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code labs-report.json} read back into the {@link Report} it was written from (recorded, or from a real run). */
public final class RecordedReports {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // v1 reports have no subjects: a list that is missing is empty.
            .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY))).build();

    private RecordedReports() {
    }

    /** The report in {@code file}. */
    public static Report read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report " + file, e);
        }
    }

    /** A recorded report under {@code src/test/resources/}, e.g. {@code report/recorded-run.json}. */
    public static Report recorded(String resource) {
        return read(Path.of("src/test/resources").resolve(resource));
    }

    /** The report with {@code container} among the graded containers of its first lab (e.g. one named with HTML). */
    public static Report withGraded(Report report, GradedContainer container) {
        List<LabResult> labs = new ArrayList<>(report.labs());
        LabResult first = labs.get(0);
        List<GradedContainer> subjects = new ArrayList<>(first.subjects());
        subjects.add(0, container);
        labs.set(0, new LabResult(first.id(), first.title(), first.status(), first.evidence(), first.message(), first.hint(),
                first.lesson(), first.verify(), first.durationMs(), first.tests(), subjects, first.commands()));
        return new Report(report.schema(), report.runId(), report.mode(), report.startedAt(), report.finishedAt(),
                report.engine(), report.probe(), report.preflight(), labs, report.passed(), report.total());
    }
}
