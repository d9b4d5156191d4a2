package org.sysnerd.dockerlabs.gradebook;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a gradebook as {@code gradebook.csv} (points, to import into an LMS: {@link LmsCsv}), {@code gradebook-status.csv}
 * (each lab's status, for scripts), {@code .md} (also to GitHub's job summary), {@code .json} and the page {@code .html}
 * ({@link GradebookPage}).
 */
public final class GradebookWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private GradebookWriter() {
    }

    /** {@code vm,Q1,Q2,Q3,Q4,Q5,…,score,engine,mode,report}, one line per VM: each lab's status. */
    public static String statusCsv(Gradebook book) {
        StringBuilder out = new StringBuilder(String.join(",", header(book))).append('\n');
        for (VmGrade row : book.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.vm()));
            book.labs().forEach(lab -> cells.add(row.status(lab).name()));
            String engine = row.note().isBlank() ? row.engine() : row.engine() + " (" + row.note() + ")";
            cells.addAll(List.of(row.score(), engine, row.mode(), row.report()));
            out.append(String.join(",", cells.stream().map(GradebookWriter::csvCell).toList())).append('\n');
        }
        return out.toString();
    }

    /**
     * The same table in Markdown: each lab's status and its grade over the column's maximum, the points in all, the
     * grade (the CSV's Total over its maximum), and a note column saying why a row is not what the labs said.
     */
    public static String markdown(Gradebook book) {
        List<String> header = new ArrayList<>(header(book));
        header.add(header.indexOf("score") + 1, "points");
        header.add(header.indexOf("points") + 1, "grade");
        header.add("note");
        StringBuilder out = new StringBuilder("## Gradebook\n\n| ").append(String.join(" | ", header)).append(" |\n|")
                .append("---|".repeat(header.size())).append('\n');
        for (VmGrade row : book.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.vm()));
            book.labs().forEach(lab -> cells.add(row.status(lab).name() + " " + GradebookView.points(book, row, lab)));
            cells.addAll(List.of(row.score(), GradebookView.points(row), GradebookView.total(book, row), row.engine(), row.mode(), "`" + row.report() + "`", row.note()));
            out.append("| ").append(String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
        long full = book.rows().stream().filter(r -> r.total() > 0 && r.passed() == r.total()).count();
        return out.append('\n').append(full).append(" of ").append(book.rows().size()).append(" VMs passed every lab.\n").toString();
    }

    /** The gradebook as JSON: the lab columns, then one object per VM. */
    public static String json(Gradebook book) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VmGrade row : book.rows()) {
            Map<String, Object> labs = new LinkedHashMap<>();
            Map<String, Object> points = new LinkedHashMap<>();
            Map<String, Object> grades = new LinkedHashMap<>();
            book.labs().forEach(lab -> {
                labs.put(lab, row.status(lab).name());
                points.put(lab, row.points(lab));
                grades.put(lab, boxed(book.grade(row, lab)));
            });
            grades.put("Total", boxed(book.total(row)));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("vm", row.vm());
            json.put("labs", labs);
            json.put("passed", row.passed());
            json.put("total", row.total());
            json.put("score", row.score());
            json.put("points", points);
            json.put("grades", grades);
            json.put("engine", row.engine());
            json.put("mode", row.mode());
            json.put("report", row.report());
            json.put("note", row.note());
            rows.add(json);
        }
        Map<String, Object> max = new LinkedHashMap<>();
        book.labs().forEach(lab -> max.put(lab, book.maxPoints(lab)));
        max.put("Total", book.maxTotal());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("labs", book.labs());
        json.put("maxPoints", max);
        json.put("vms", rows);
        return JSON.writeValueAsString(json);
    }

    /** Writes {@code <base>.csv}, {@code .md}, {@code .json} and {@code .html}; appends the Markdown to {@code githubSummary} when set. */
    public static void writeAll(Gradebook book, Path base, String githubSummary) throws IOException {
        Path dir = base.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = base.getFileName().toString();
        Files.writeString(dir.resolve(name + ".csv"), LmsCsv.csv(book));
        Files.writeString(dir.resolve(name + "-status.csv"), statusCsv(book));
        Files.writeString(dir.resolve(name + ".md"), markdown(book));
        Files.writeString(dir.resolve(name + ".json"), json(book));
        GradebookPage.write(book, dir.resolve(name));
        if (githubSummary != null && !githubSummary.isBlank()) {
            Files.writeString(Path.of(githubSummary), markdown(book), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static List<String> header(Gradebook book) {
        List<String> header = new ArrayList<>(List.of("vm"));
        header.addAll(book.labs());
        header.addAll(List.of("score", "engine", "mode", "report"));
        return header;
    }

    private static java.math.BigDecimal boxed(java.util.Optional<java.math.BigDecimal> grade) {
        return grade.orElse(null);
    }

    static String csvCell(String cell) {
        return cell.matches("(?s).*[,\"\\r\\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
