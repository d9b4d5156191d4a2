package org.sysnerd.dockerlabs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;
import org.sysnerd.dockerlabs.html.Pages;

/**
 * Writes a run's report: the console table, {@code labs-report.json}, {@code labs-report.md}, {@code labs-replay.sh},
 * and the page {@code labs-report.html} ({@link LabsReportPage}).
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().build()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ReportWriter() {
    }

    /** The report as JSON, following {@code labs-report.schema.json}. */
    public static String json(Report report) throws IOException {
        return JSON.writeValueAsString(report);
    }

    /**
     * Writes the four files into {@code dir}, each whole or not at all (a file renamed over it: see {@link Pages#write}),
     * and, when {@code GITHUB_STEP_SUMMARY} is set, appends the Markdown there.
     */
    public static void writeAll(Report report, Path dir, String githubSummary) throws IOException {
        Pages.write(dir.resolve("labs-report.json"), json(report));
        Pages.write(dir.resolve("labs-report.md"), markdown(report));
        Path replay = Pages.write(dir.resolve("labs-replay.sh"), replay(report));
        replay.toFile().setExecutable(true);
        LabsReportPage.write(report, dir);
        if (githubSummary != null && !githubSummary.isBlank()) {
            Files.writeString(Path.of(githubSummary), markdown(report), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /**
     * Prints the board and writes the report's files where the run's parameters say ({@code labs.report.dir}, which
     * falls back to -D, so that runs in one JVM write reports of their own; {@code labs.report.summary}).
     */
    public static void publish(Report report, ConfigurationParameters parameters) {
        Path dir = Path.of(parameters.get("labs.report.dir").orElse("target"));
        System.out.println(console(report, dir));
        try {
            writeAll(report, dir, parameters.get("labs.report.summary").orElse(System.getenv("GITHUB_STEP_SUMMARY")));
        } catch (IOException e) {
            System.err.println("docker-labs: could not write the lab report: " + e);
        }
    }

    /** The table a learner reads at the end of {@code ./mvnw test}. */
    public static String console(Report report) {
        return console(report, Path.of("target"));
    }

    /** The table, naming the folder the report's files are written to. */
    public static String console(Report report, Path dir) {
        String title = "learner".equals(report.mode()) ? "Docker labs · your own containers (learner mode) "
                : "Docker labs · the suite's own containers (spec mode) ";
        StringBuilder out = new StringBuilder("\n==== ").append(title).append("=".repeat(Math.max(4, 72 - title.length())))
                .append('\n');
        report.preflight().stream().filter(f -> f.isBlocking())
                .forEach(f -> out.append("! ").append(f.check()).append(": ").append(f.found().strip()).append("\n  Fix: ")
                        .append(f.fix()).append('\n'));
        for (LabResult lab : report.labs()) {
            out.append(String.format("%-3s %-40s %-7s %s%n", lab.id(), lab.title(), lab.status().name(), lab.points().summary()));
            lab.subjects().forEach(s -> out.append("      graded: ").append(s.name()).append(' ').append(shortId(s.id()))
                    .append(" (").append(s.image()).append(") ").append(s.state()).append('\n'));
            lab.evidence().forEach(e -> out.append("      ").append(e).append('\n'));
            lab.tests().stream().filter(t -> t.status() == LabStatus.NOT_CHECKED).forEach(t -> out.append("      not checked: ")
                    .append(t.name()).append(" (").append(t.message()).append(")\n"));
            // A lab blocked as a whole says so on its line; a single blocked fact among checked ones is named.
            if (lab.points().blocked() < lab.tests().size()) {
                lab.tests().stream().filter(t -> t.status() == LabStatus.BLOCKED).forEach(t -> out.append("      blocked, out of the total: ")
                        .append(t.name()).append('\n'));
            }
            if (lab.status() != LabStatus.PASSED) {
                indent(out, lab.message());
                if (lab.hint() != null) {
                    out.append(lab.status() == LabStatus.BLOCKED ? "      Fix: " : "      Why: ").append(lab.hint()).append('\n');
                }
                out.append("      Verify it yourself: ").append(lab.verify()).append('\n');
            }
        }
        Object engine = report.engine().get("summary");
        out.append(report.score()).append("  (").append(engine == null ? "" : engine + " · ").append(report.probe()).append(")\n");
        report.points().outOfTotalLines(state(report)).forEach(line -> out.append(line).append('\n'));
        return out.append("Details: ").append(dir).append("/labs-report.html, ").append(dir).append("/labs-report.json; replay: ")
                .append(dir).append("/labs-replay.sh\n").toString();
    }

    /** Whose state the labs graded, in the words of the lines that say what was left out of the total. */
    static String state(Report report) {
        return "learner".equals(report.mode()) ? "your containers" : "the suite's containers";
    }

    /** The report as Markdown, for a course's CI and for GitHub's job summary. */
    public static String markdown(Report report) {
        StringBuilder md = new StringBuilder("# Docker labs: ").append(report.score()).append("\n\n");
        md.append("Run `").append(report.runId()).append("` · ").append(report.mode()).append(" mode · ").append(report.engine().getOrDefault("summary", "no engine"))
                .append(" · ").append(report.probe()).append("\n\n| Lab | Title | Result | Points | Evidence or reason |\n|---|---|---|---|---|\n");
        for (LabResult lab : report.labs()) {
            String graded = lab.subjects().stream().map(c -> "graded: " + c.name() + " (" + c.image() + ") " + c.state() + "<br>")
                    .collect(Collectors.joining());
            String detail = graded + (lab.status() == LabStatus.PASSED ? String.join("<br>", lab.evidence())
                    : (lab.message() + (lab.hint() == null ? "" : " — " + lab.hint()) + " · verify: `" + lab.verify() + "`"));
            md.append("| ").append(cell(lab.id())).append(" | ").append(cell(lab.title())).append(" | ").append(lab.status())
                    .append(" | ").append(cell(lab.points().summary())).append(" | ").append(cell(detail)).append(" |\n");
        }
        report.preflight().stream().filter(f -> f.isBlocking()).forEach(f -> md.append("\n**").append(f.check())
                .append("**: ").append(f.found().strip()).append(". Fix: ").append(f.fix()).append('\n'));
        report.points().outOfTotalLines(state(report)).forEach(line -> md.append("\n").append(line).append('\n'));
        return md.toString();
    }

    /** Every command the labs ran, in order, with the run's real PIDs, ports and IPs, to replay by hand. */
    public static String replay(Report report) {
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# The commands the Docker labs ran in run ")
                .append(report.runId()).append(", in order, each with the output it gave (as comments).\n")
                .append("# The containers are removed at the end of a run: to replay, keep them with\n")
                .append("#   LABS_KEEP_CONTAINERS=true TESTCONTAINERS_REUSE_ENABLE=true ./mvnw test\n# and remove them afterwards with\n")
                .append("#   docker rm -f $(docker ps -aq --filter label=org.sysnerd.docker-labs.run=")
                .append(report.runId()).append(")\n");
        for (LabResult lab : report.labs()) {
            sh.append("\n# ---- ").append(lab.id()).append(" · ").append(lab.title()).append(" (").append(lab.status())
                    .append(")\n# verify it yourself: ").append(lab.verify()).append('\n');
            for (CommandRecord command : lab.commands()) {
                sh.append(command.command()).append('\n');
                command.output().lines().limit(12).forEach(line -> sh.append("#   ").append(line).append('\n'));
            }
        }
        return sh.toString();
    }

    private static String shortId(String id) {
        return id == null || id.length() <= 12 ? String.valueOf(id) : id.substring(0, 12);
    }

    private static void indent(StringBuilder out, String text) {
        if (text != null) {
            text.strip().lines().forEach(line -> out.append("      ").append(line.strip()).append('\n'));
        }
    }

    private static String cell(String text) {
        return text == null ? "" : text.strip().lines().map(String::strip).collect(Collectors.joining("<br>")).replace("|", "\\|");
    }
}
