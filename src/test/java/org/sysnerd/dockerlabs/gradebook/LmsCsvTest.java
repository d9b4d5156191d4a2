package org.sysnerd.dockerlabs.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.Points;

@DisplayName("gradebook.csv imports into an LMS's gradebook as it is (Moodle's CSV import)")
class LmsCsvTest {

    private static final Pattern ITEM = Pattern.compile("(.+) \\((\\d+)\\)");

    @TempDir
    Path fleet;

    /** The page's solutions in the learner mode, as the kit grades them: each lab's facts, P passed, F failed, N not checked, B blocked. */
    private static final Map<String, String> SOLUTIONS = facts("Q1", "PPP", "Q2", "PPPN", "Q3", "PPN", "Q4", "PPP", "Q5", "PPP",
            "Q6", "PPPNN");

    private static final String HEADER = "vm,Q1 (3),Q2 (4),Q3 (3),Q4 (3),Q5 (3),Q6 (5),Total (21)";

    @Test
    @DisplayName("has the identifier, then each lab and the total named with its maximum: the lab's facts, whatever their status")
    void header() throws IOException {
        String csv = LmsCsv.csv(recordedFleet());

        assertThat(csv.lines().findFirst()).hasValue("vm,Q1 (3),Q2 (4),Q3 (3),Q4 (3),Q5 (2),Total (15)");
    }

    @Test
    @DisplayName("gives each VM its points per lab and in all; a failed fact counts 0; a lab without a grade is out of the total")
    void points_per_lab() throws IOException {
        List<String> rows = LmsCsv.csv(recordedFleet()).lines().skip(1).toList();

        assertThat(rows).containsExactly("vm-good,3,4,3,3,2,15", "vm-trixie,3,4,0,3,2,12",
                "vm-blocked,,,,,1,7.5", "vm-bookworm,,,,,,");
    }

    @Test
    @DisplayName("gives the page's solutions full marks in the learner mode, facts not checked out of the total")
    void page_solutions() {
        Gradebook book = book(row("vm-alice", SOLUTIONS));

        assertThat(LmsCsv.csv(book).lines()).containsExactly(HEADER, "vm-alice,3,4,3,3,3,5,21");
    }

    @Test
    @DisplayName("gives a Q3 published on 127.0.0.1 only full marks: its one fact checked passed, the others out of the total")
    void loopback_only_q3() {
        Gradebook book = book(row("vm-loopback", with(SOLUTIONS, "Q3", "PNN")), row("vm-alice", SOLUTIONS));

        assertThat(LmsCsv.csv(book).lines()).containsExactly(HEADER, "vm-loopback,3,4,3,3,3,5,21", "vm-alice,3,4,3,3,3,5,21");
        assertThat(LmsCsv.header(book(row("vm-loopback", with(SOLUTIONS, "Q3", "PNN")))))
                .as("the same columns when no VM of the class had Q3's facts checked").containsExactlyElementsOf(List.of(HEADER.split(",")));
    }

    @Test
    @DisplayName("gives a paused web 0 in Q1 and in the labs that need it, and the rest its points")
    void paused_web() {
        Gradebook book = book(row("vm-paused", with(with(with(SOLUTIONS, "Q1", "FFF"), "Q2", "FFFN"), "Q4", "FFF")));

        assertThat(LmsCsv.csv(book).lines()).containsExactly(HEADER, "vm-paused,0,0,3,0,3,5,11");
    }

    @Test
    @DisplayName("keeps every column and gives every learner a total when a lab is blocked for the whole class (rootless Docker: Q3, Q4)")
    void class_blocked_on_q3() {
        Map<String, String> rootless = with(with(SOLUTIONS, "Q3", "BBB"), "Q4", "BBB");
        Gradebook book = book(row("vm-alice", rootless), row("vm-bob", with(rootless, "Q1", "FFF")));

        assertThat(LmsCsv.csv(book).lines()).containsExactly(HEADER, "vm-alice,3,4,,,3,5,21", "vm-bob,0,4,,,3,5,16.8");
    }

    @Test
    @DisplayName("writes docs/grading.md's example as the docs show it")
    void the_docs_example() throws IOException {
        Gradebook book = book(row("vm-alice", SOLUTIONS), row("vm-loopback", with(SOLUTIONS, "Q3", "PNN")),
                row("vm-paused", with(with(with(SOLUTIONS, "Q1", "FFF"), "Q2", "FFFN"), "Q4", "FFF")),
                row("vm-third", with(SOLUTIONS, "Q2", "PFFN")),
                row("vm-rootless", with(with(with(SOLUTIONS, "Q3", "BBB"), "Q4", "BBB"), "Q1", "FFF")), row("vm-down", Map.of()));

        assertThat(Files.readString(Path.of("docs/grading.md"))).contains("```\n" + LmsCsv.csv(book) + "```\n");
    }

    @Test
    @DisplayName("scales a lab with facts out of the total to its maximum, 2 decimals: half of what was checked is half the lab")
    void scaled_to_the_maximum() {
        Gradebook book = book(row("vm-half", with(SOLUTIONS, "Q2", "PFNN")), row("vm-third", with(SOLUTIONS, "Q2", "PFFN")));

        assertThat(LmsCsv.csv(book).lines()).containsExactly(HEADER, "vm-half,3,2,3,3,3,5,19", "vm-third,3,1.33,3,3,3,5,18.33");
    }

    @Test
    @DisplayName("leaves a lab empty, never 0, when none of its facts could be checked or one was blocked; the total empty only when no lab has a grade")
    void not_graded_is_empty() {
        Gradebook book = book(row("vm-unchecked", with(SOLUTIONS, "Q3", "NNN")), row("vm-one-blocked", with(SOLUTIONS, "Q2", "PPPB")),
                row("vm-nothing", Map.of()), row("vm-all-blocked", facts("Q1", "BBB", "Q2", "BBBB", "Q3", "BBB", "Q4", "BBB", "Q5", "BBB",
                        "Q6", "BBBBB")));

        assertThat(LmsCsv.csv(book).lines()).containsExactly(HEADER, "vm-unchecked,3,4,,3,3,5,21", "vm-one-blocked,3,,3,3,3,5,21",
                "vm-nothing,,,,,,,", "vm-all-blocked,,,,,,,");
    }

    @Test
    @DisplayName("takes the kit's count of a lab's facts as its maximum when no report of the class lists them (reports before v4)")
    void maximum_without_facts_listed() throws IOException {
        put("vm-bookworm", "/gradebook/recorded-vm-daemon-stopped.json");

        assertThat(LmsCsv.header(Gradebook.read(fleet, List.of("vm-bookworm"))))
                .containsExactly("vm", "Q1 (3)", "Q2 (4)", "Q3 (3)", "Q4 (3)", "Q5 (3)", "Total (16)");
    }

    @Test
    @DisplayName("passes the checks of Moodle's CSV import: one row per learner, numbers within each item's maximum, no other row")
    void imports_as_moodle_reads_it() throws IOException {
        String csv = LmsCsv.csv(recordedFleet());

        assertThat(moodleImportProblems(csv)).isEmpty();
        assertThat(moodleImportProblems(csv + "Points possible,3,4,3,3,2,15\n"))
                .containsExactly("Points possible: not a learner's row (Moodle aborts the import on a user it cannot find)");
        String built = LmsCsv.csv(book(row("vm-third", with(SOLUTIONS, "Q2", "PFFN")), row("vm-bob",
                with(with(with(SOLUTIONS, "Q3", "BBB"), "Q4", "BBB"), "Q1", "FFF"))));
        assertThat(moodleImportProblems(built)).isEmpty();
        assertThat(moodleImportProblems(built.replace("1.33", "4.5"))).containsExactly("vm-third: Q2 (4) is 4.5");
    }

    /**
     * What Moodle's gradeimport_csv would refuse (grade/import/csv/classes/load_data.php): a row whose identifier is no
     * learner aborts the whole import, and a cell that is neither a number (a point before at most 2 decimals, which
     * Moodle's unformat_float reads in any language) nor empty is a bad grade; a number above the
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
                if (!cell.isEmpty() && (!cell.matches("\\d+(\\.\\d{1,2})?") || new BigDecimal(cell).compareTo(BigDecimal.valueOf(max.get(i - 1))) > 0)) {
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

    /** A VM's row from its labs' facts ({@code "PPN"}: passed, passed, not checked), as ReportReader counts a report's. */
    private static VmGrade row(String vm, Map<String, String> facts) {
        Map<String, LabStatus> labs = new LinkedHashMap<>();
        Map<String, Points> points = new LinkedHashMap<>();
        facts.forEach((lab, statuses) -> {
            List<org.sysnerd.dockerlabs.report.LabStatus> each = statuses.chars().mapToObj(c -> switch (c) {
                case 'P' -> org.sysnerd.dockerlabs.report.LabStatus.PASSED;
                case 'F' -> org.sysnerd.dockerlabs.report.LabStatus.FAILED;
                case 'N' -> org.sysnerd.dockerlabs.report.LabStatus.NOT_CHECKED;
                default -> org.sysnerd.dockerlabs.report.LabStatus.BLOCKED;
            }).toList();
            points.put(lab, Points.of(each));
            labs.put(lab, statuses.contains("B") ? LabStatus.BLOCKED : statuses.contains("F") ? LabStatus.FAILED : LabStatus.PASSED);
        });
        return new VmGrade(vm, labs, points, 0, labs.size(), "Docker", "learner", vm + "/labs-report.json", "");
    }

    private static Gradebook book(VmGrade... rows) {
        return Gradebook.of(List.of(rows));
    }

    private static Map<String, String> facts(String... labAndFacts) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < labAndFacts.length; i += 2) {
            facts.put(labAndFacts[i], labAndFacts[i + 1]);
        }
        return facts;
    }

    private static Map<String, String> with(Map<String, String> facts, String lab, String labFacts) {
        Map<String, String> changed = new LinkedHashMap<>(facts);
        changed.put(lab, labFacts);
        return changed;
    }

    private void put(String vm, String resource) throws IOException {
        Path dir = Files.createDirectories(fleet.resolve(vm));
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, dir.resolve("labs-report.json"));
        }
    }
}
