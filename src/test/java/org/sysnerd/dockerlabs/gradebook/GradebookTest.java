package org.sysnerd.dockerlabs.gradebook;

import org.sysnerd.dockerlabs.report.LabStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The gradebook of a fleet")
class GradebookTest {

    @TempDir
    Path fleet;

    @BeforeEach
    void fleet_of_recorded_reports() throws IOException {
        put("vm-good", "/report/recorded-run-all-passed.json");
        put("vm-blocked", "/report/recorded-run.json");
        put("vm-cut", "/gradebook/truncated-run.json");
        Files.createDirectories(fleet.resolve("vm-down"));
        Files.writeString(fleet.resolve("vm-down").resolve(Gradebook.FLEET_STATUS), "ssh forward to labvm@10.211.9.2 failed: Connection refused\n");
    }

    @Test
    @DisplayName("has the CSV header of the page's labs, then score, engine, mode and report")
    void header() {
        String csv = GradebookWriter.statusCsv(Gradebook.read(fleet, List.of("vm-good")));

        assertThat(csv.lines().findFirst()).hasValue("vm,Q1,Q2,Q3,Q4,Q5,score,engine,mode,report");
    }

    @Test
    @DisplayName("gives each VM its labs' statuses and score from its own report")
    void rows_from_reports() {
        Gradebook book = Gradebook.read(fleet, List.of("vm-good", "vm-blocked"));

        assertThat(GradebookWriter.statusCsv(book).lines().skip(1).map(l -> l.substring(0, l.indexOf(",Docker")))).containsExactly(
                "vm-good,PASSED,PASSED,PASSED,PASSED,PASSED,5/5",
                "vm-blocked,BLOCKED,BLOCKED,BLOCKED,BLOCKED,FAILED,0/5");
        assertThat(book.rows().get(0).mode()).as("a v1 report, from before modes: the spec").isEqualTo("spec");
        assertThat(book.rows().get(0).report()).endsWith("vm-good/labs-report.json");
    }

    @Test
    @DisplayName("gives a VM graded over ssh its failed lab, and a VM whose daemon was down the preflight's reason as its engine")
    void recorded_fleet_reports() throws IOException {
        put("vm-trixie", "/gradebook/recorded-vm-q3-failed.json");
        put("vm-bookworm", "/gradebook/recorded-vm-daemon-stopped.json");
        List<String> lines = GradebookWriter.statusCsv(Gradebook.read(fleet, List.of("vm-trixie", "vm-bookworm"))).lines().toList();

        assertThat(lines.get(1)).startsWith("vm-trixie,PASSED,PASSED,FAILED,PASSED,PASSED,4/5,Docker 26.1.5+dfsg1 · overlay2");
        assertThat(lines.get(2)).startsWith("vm-bookworm,BLOCKED,BLOCKED,BLOCKED,BLOCKED,BLOCKED,0/5,\"unknown: Docker is not "
                + "reachable at unix:///tmp/fleet-vm-bookworm.sock: the socket /tmp/fleet-vm-bookworm.sock closed without an answer");
    }

    @Test
    @DisplayName("makes a truncated report a row of BLOCKED labs that says so")
    void truncated_report() {
        VmGrade row = Gradebook.read(fleet, List.of("vm-cut")).rows().get(0);

        assertThat(row.labs().values()).hasSize(5).allMatch(s -> s == LabStatus.BLOCKED);
        assertThat(row.score()).isEqualTo("0/5");
        assertThat(row.note()).startsWith("report unreadable (");
    }

    @Test
    @DisplayName("makes a missing report a row of BLOCKED labs with the fleet's reason")
    void missing_report() {
        Gradebook book = Gradebook.read(fleet, List.of("vm-down", "vm-never-seen"));

        assertThat(book.rows()).extracting(VmGrade::note).containsExactly(
                "no report: ssh forward to labvm@10.211.9.2 failed: Connection refused", "no report");
        assertThat(GradebookWriter.statusCsv(book).lines().skip(1)).allMatch(l -> l.contains(",BLOCKED,BLOCKED,BLOCKED,BLOCKED,BLOCKED,0/5,"));
    }

    @Test
    @DisplayName("leaves out the report of a VM whose run timed out: the fleet's status wins, as when no report was left")
    void a_status_wins_over_a_late_report() throws IOException {
        put("vm-late", "/report/recorded-run-all-passed.json");
        Files.writeString(fleet.resolve("vm-late").resolve(Gradebook.FLEET_STATUS),
                "timed out after 300 s (FLEET_TIMEOUT): the VM was slow or hung\n");

        Gradebook book = Gradebook.read(fleet, List.of("vm-late"));

        assertThat(book.rows()).extracting(VmGrade::note).containsExactly("report left out, the run did not end normally: "
                + "timed out after 300 s (FLEET_TIMEOUT): the VM was slow or hung");
        assertThat(GradebookWriter.statusCsv(book).lines().skip(1)).singleElement().asString()
                .startsWith("vm-late,BLOCKED,BLOCKED,BLOCKED,BLOCKED,BLOCKED,0/5,");
    }

    @Test
    @DisplayName("adds a column before score for a lab beyond the page, BLOCKED for VMs whose report lacks it")
    void lab_beyond_the_page() throws IOException {
        put("vm-q6", "/gradebook/written-run-with-q6.json");
        Gradebook book = Gradebook.read(fleet, List.of("vm-good", "vm-q6"));

        List<String> lines = GradebookWriter.statusCsv(book).lines().toList();
        assertThat(lines.get(0)).isEqualTo("vm,Q1,Q2,Q3,Q4,Q5,Q6,score,engine,mode,report");
        assertThat(lines.get(1)).startsWith("vm-good,PASSED,PASSED,PASSED,PASSED,PASSED,BLOCKED,5/6,");
        assertThat(lines.get(2)).startsWith("vm-q6,PASSED,PASSED,PASSED,PASSED,PASSED,FAILED,5/6,").contains(",learner,");
    }

    @Test
    @DisplayName("reads every VM directory when no VM is named, and writes the three files")
    void writes_all(@TempDir Path out) throws IOException {
        Gradebook book = Gradebook.read(fleet, List.of());
        GradebookWriter.writeAll(book, out.resolve("gradebook"), null);

        assertThat(book.rows()).extracting(VmGrade::vm).containsExactly("vm-blocked", "vm-cut", "vm-down", "vm-good");
        assertThat(out.resolve("gradebook.csv")).content().hasLineCount(5).startsWith(LmsCsv.IDENTIFIER + ",Q1 (");
        assertThat(out.resolve("gradebook-status.csv")).content().hasLineCount(5).startsWith("vm,Q1,Q2,");
        assertThat(out.resolve("gradebook.md")).content().contains("| vm-down | BLOCKED –/3 |").contains("| 5/5 | 15 of 15 points | 15/15 |").contains("1 of 4 VMs passed every lab.");
        assertThat(out.resolve("gradebook.json")).content().contains("\"vm\" : \"vm-cut\"");
    }

    @Test
    @DisplayName("writes the same grades in gradebook.json and .md as in gradebook.csv, each over its column's maximum")
    void json_and_markdown_agree_with_the_csv(@TempDir Path out) throws IOException {
        put("vm-trixie", "/gradebook/recorded-vm-q3-failed.json");
        put("vm-learner", "/report/recorded-learner-run.json");
        Gradebook book = Gradebook.read(fleet, List.of());
        GradebookWriter.writeAll(book, out.resolve("gradebook"), null);

        List<String> csv = Files.readAllLines(out.resolve("gradebook.csv"));
        List<String> items = List.of(csv.get(0).split(","));
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("gradebook.json").toFile());
        String markdown = Files.readString(out.resolve("gradebook.md"));
        assertThat(csv).hasSize(book.rows().size() + 1);
        for (int r = 1; r < csv.size(); r++) {
            List<String> cells = List.of(csv.get(r).split(",", -1));
            com.fasterxml.jackson.databind.JsonNode vm = json.path("vms").get(r - 1);
            assertThat(vm.path("vm").asText()).isEqualTo(cells.get(0));
            String mdRow = markdown.lines().filter(l -> l.startsWith("| " + cells.get(0) + " |")).findFirst().orElseThrow();
            for (int c = 1; c < items.size(); c++) {
                String item = items.get(c).replaceAll(" \\(\\d+\\)$", "");
                String max = items.get(c).replaceAll(".*\\((\\d+)\\)$", "$1");
                com.fasterxml.jackson.databind.JsonNode grade = vm.path("grades").path(item);
                assertThat(grade.isNull() ? "" : grade.asText()).as("%s %s", cells.get(0), item).isEqualTo(cells.get(c));
                assertThat(json.path("maxPoints").path(item).asText()).isEqualTo(max);
                assertThat(mdRow).as("%s %s", cells.get(0), item).contains((cells.get(c).isEmpty() ? "–" : cells.get(c)) + "/" + max + " |");
            }
        }
        assertThat(csv).contains("vm-learner,3,4,3,3,3,16", "vm-trixie,3,4,0,3,3,13");
    }

    @Test
    @DisplayName("knows how many facts each of the kit's labs has, as its lab class has test methods")
    void kit_facts_are_the_lab_classes() throws Exception {
        Path labs = Path.of(getClass().getResource("/org/sysnerd/dockerlabs/labs").toURI());
        java.util.Map<String, Integer> facts = new java.util.TreeMap<>();
        try (var classes = Files.list(labs)) {
            for (Path file : classes.filter(f -> f.getFileName().toString().matches("Q\\d+\\w*Test\\.class")).toList()) {
                Class<?> lab = Class.forName("org.sysnerd.dockerlabs.labs." + file.getFileName().toString().replace(".class", ""),
                        false, getClass().getClassLoader());
                var dockerLab = lab.getAnnotation(org.sysnerd.dockerlabs.junit.DockerLab.class);
                facts.put(dockerLab.id(), (int) java.util.Arrays.stream(lab.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count());
            }
        }
        assertThat(facts).isNotEmpty().isEqualTo(new java.util.TreeMap<>(Gradebook.KIT_FACTS));
    }

    private void put(String vm, String resource) throws IOException {
        Path dir = Files.createDirectories(fleet.resolve(vm));
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, dir.resolve("labs-report.json"));
        }
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("a VM whose report lacks a lab another VM has is scored over every column: that lab counts as not passed")
    void scores_over_every_column() {
        VmGrade five = new VmGrade("alice", java.util.Map.of("Q1", LabStatus.PASSED, "Q2", LabStatus.PASSED,
                "Q3", LabStatus.PASSED, "Q4", LabStatus.PASSED, "Q5", LabStatus.PASSED), java.util.Map.of(), 5, 5,
                "Docker", "learner", "alice/labs-report.json", "");
        VmGrade six = new VmGrade("bob", java.util.Map.of("Q6", LabStatus.PASSED), java.util.Map.of(), 1, 1, "Docker", "learner",
                "bob/labs-report.json", "");

        Gradebook book = Gradebook.of(java.util.List.of(five, six));

        org.assertj.core.api.Assertions.assertThat(book.labs()).containsExactly("Q1", "Q2", "Q3", "Q4", "Q5", "Q6");
        org.assertj.core.api.Assertions.assertThat(book.rows().get(0).score()).isEqualTo("5/6");
        org.assertj.core.api.Assertions.assertThat(book.rows().get(0).status("Q6")).isEqualTo(LabStatus.BLOCKED);
        org.assertj.core.api.Assertions.assertThat(book.rows().get(1).score()).isEqualTo("1/6");
    }
}
