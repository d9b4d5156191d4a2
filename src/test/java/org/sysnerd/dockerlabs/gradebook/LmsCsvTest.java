package org.sysnerd.dockerlabs.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysnerd.dockerlabs.gradebook.VmGrade.LabStatus;
import org.sysnerd.dockerlabs.report.Points;

@DisplayName("gradebook.csv imports into an LMS's gradebook as it is (Moodle's CSV import)")
class LmsCsvTest {

    private static final Pattern ITEM = Pattern.compile("(.+) \\((\\d+)\\)");

    @TempDir
    Path fleet;

    @Test
    @DisplayName("has the identifier, then each lab and the total named with its maximum: the most facts a VM's report checked")
    void header() throws IOException {
        String csv = LmsCsv.csv(recordedFleet());

        assertThat(csv.lines().findFirst()).hasValue("vm,Q1 (3),Q2 (4),Q3 (3),Q4 (3),Q5 (2),Total (15)");
    }

    @Test
    @DisplayName("gives each VM its points per lab and in all; a failed fact counts 0")
    void points_per_lab() throws IOException {
        List<String> rows = LmsCsv.csv(recordedFleet()).lines().skip(1).toList();

        assertThat(rows).containsExactly("vm-good,3,4,3,3,2,15", "vm-trixie,3,4,0,3,2,12",
                "vm-blocked,,,,,1,", "vm-bookworm,,,,,,");
    }

    @Test
    @DisplayName("leaves a lab with a blocked fact, or fewer facts checked than its column's maximum, empty: not graded, never 0")
    void not_graded_is_empty() {
        VmGrade alice = row("alice", Map.of("Q1", new Points(3, 3, 0, 0), "Q2", new Points(1, 3, 0, 0)));
        VmGrade bob = row("bob", Map.of("Q1", new Points(2, 2, 0, 1), "Q2", new Points(2, 3, 0, 0)));
        VmGrade carol = row("carol", Map.of("Q1", new Points(2, 2, 1, 0), "Q2", new Points(3, 3, 0, 0)));
        Gradebook book = new Gradebook(List.of("Q1", "Q2"), List.of(alice, bob, carol));

        assertThat(LmsCsv.csv(book).lines()).containsExactly("vm,Q1 (3),Q2 (3),Total (6)", "alice,3,1,4", "bob,,2,", "carol,,3,");
    }

    @Test
    @DisplayName("passes the checks of Moodle's CSV import: one row per learner, numbers within each item's maximum, no other row")
    void imports_as_moodle_reads_it() throws IOException {
        String csv = LmsCsv.csv(recordedFleet());

        assertThat(moodleImportProblems(csv)).isEmpty();
        assertThat(moodleImportProblems(csv + "Points possible,3,4,3,3,2,15\n"))
                .containsExactly("Points possible: not a learner's row (Moodle aborts the import on a user it cannot find)");
    }

    /**
     * What Moodle's gradeimport_csv would refuse (grade/import/csv/classes/load_data.php): a row whose identifier is no
     * learner aborts the whole import, and a cell that is neither a number nor empty is a bad grade; a number above the
     * item's maximum (named in its heading) would be a grade the item cannot hold.
     */
    private static List<String> moodleImportProblems(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> problems = new ArrayList<>();
        if (!header.get(0).equals(LmsCsv.IDENTIFIER)) {
            problems.add("the first column is not the identifier");
        }
        List<Integer> max = new ArrayList<>();
        for (String item : header.subList(1, header.size())) {
            Matcher m = ITEM.matcher(item);
            max.add(m.matches() ? Integer.parseInt(m.group(2)) : -1);
        }
        var seen = new HashSet<String>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            if (!cells.get(0).startsWith("vm-") || !seen.add(cells.get(0))) {
                problems.add(cells.get(0) + ": not a learner's row (Moodle aborts the import on a user it cannot find)");
                continue;
            }
            for (int i = 1; i < cells.size(); i++) {
                String cell = cells.get(i);
                if (!cell.isEmpty() && (!cell.matches("\\d+") || Integer.parseInt(cell) > max.get(i - 1))) {
                    problems.add(cells.get(0) + ": " + header.get(i) + " is " + cell);
                }
            }
        }
        return problems;
    }

    private Gradebook recordedFleet() throws IOException {
        put("vm-good", "/report/recorded-run-all-passed.json");
        put("vm-trixie", "/gradebook/recorded-vm-q3-failed.json");
        put("vm-blocked", "/report/recorded-run.json");
        put("vm-bookworm", "/gradebook/recorded-vm-daemon-stopped.json");
        return Gradebook.read(fleet, List.of("vm-good", "vm-trixie", "vm-blocked", "vm-bookworm"));
    }

    private static VmGrade row(String vm, Map<String, Points> points) {
        Map<String, LabStatus> labs = new java.util.LinkedHashMap<>();
        points.keySet().forEach(lab -> labs.put(lab, points.get(lab).possible() == points.get(lab).earned()
                ? LabStatus.PASSED : LabStatus.FAILED));
        return new VmGrade(vm, labs, points, 0, points.size(), "Docker", "learner", vm + "/labs-report.json", "");
    }

    private void put(String vm, String resource) throws IOException {
        Path dir = Files.createDirectories(fleet.resolve(vm));
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, dir.resolve("labs-report.json"));
        }
    }
}
