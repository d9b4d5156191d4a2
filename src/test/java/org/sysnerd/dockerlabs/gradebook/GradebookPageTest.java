package org.sysnerd.dockerlabs.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("gradebook.html, from recorded reports")
class GradebookPageTest {

    @TempDir
    Path target;

    private Path fleet;

    @BeforeEach
    void fleet_of_recorded_reports() throws IOException {
        fleet = target.resolve("fleet");
        put("vm-good", "/report/recorded-run-all-passed.json");
        put("vm-trixie", "/gradebook/recorded-vm-q3-failed.json");
        put("vm-bookworm", "/gradebook/recorded-vm-daemon-stopped.json");
        Files.writeString(fleet.resolve("vm-good").resolve("labs-report.html"), "<!DOCTYPE html><title>vm-good</title>");
        Files.createDirectories(fleet.resolve("vm-down"));
        Files.writeString(fleet.resolve("vm-down").resolve(Gradebook.FLEET_STATUS),
                "ssh forward to labvm@10.211.9.2 failed: <b>Connection refused</b>\n");
    }

    private Document page() throws IOException {
        GradebookWriter.writeAll(Gradebook.read(fleet, List.of()), target.resolve("gradebook"), null);
        return Jsoup.parse(Files.readString(target.resolve("gradebook.html")));
    }

    private static Element row(Document page, String vm) {
        return page.selectFirst("tbody tr[data-vm=" + vm + "]");
    }

    private static List<String> cells(Element row) {
        return row.select("td.cell").stream().map(c -> c.attr("data-lab") + " " + c.className().replace("cell ", "") + " "
                + c.selectFirst(".verdict").text()).toList();
    }

    @Test
    @DisplayName("is written next to gradebook.csv, a row per VM in the CSV's order")
    void rows() throws IOException {
        assertThat(page().select("tbody tr").eachAttr("data-vm")).containsExactly("vm-bookworm", "vm-down", "vm-good", "vm-trixie");
    }

    @Test
    @DisplayName("shows every verdict as a colour class and as a word: passed, failed, blocked")
    void verdicts() throws IOException {
        Document page = page();
        assertThat(cells(row(page, "vm-trixie"))).containsExactly("Q1 passed passed", "Q2 passed passed", "Q3 failed failed",
                "Q4 passed passed", "Q5 passed passed");
        assertThat(cells(row(page, "vm-bookworm"))).allMatch(cell -> cell.endsWith("blocked blocked"));
    }

    @Test
    @DisplayName("gives each cell its points over the lab's maximum, as gradebook.csv has them, and each VM its points in all")
    void points() throws IOException {
        Document page = page();
        assertThat(row(page, "vm-trixie").select("td.cell .cell-points").eachText()).containsExactly("3/3", "4/4", "0/3", "3/3", "2/2");
        assertThat(row(page, "vm-trixie").selectFirst("td.points").text()).isEqualTo("12 of 15 points");
        assertThat(row(page, "vm-trixie").selectFirst("td.total").text()).isEqualTo("12/15");
        assertThat(row(page, "vm-bookworm").selectFirst("td.total").text()).isEqualTo("–/15");
        assertThat(row(page, "vm-bookworm").select("td.cell .cell-points").eachText()).containsOnly("–/3", "–/4", "–/2");
        assertThat(row(page, "vm-down").selectFirst("td.points").text()).isEqualTo("not graded");
        assertThat(row(page, "vm-bookworm").selectFirst("td.points").text()).isEqualTo("not graded");
    }

    @Test
    @DisplayName("gives each VM its score and engine")
    void score_and_engine() throws IOException {
        Element row = row(page(), "vm-trixie");
        assertThat(row.selectFirst("td.score").text()).isEqualTo("4/5");
        assertThat(row.selectFirst("td.score").attr("data-sort")).isEqualTo("800");
        assertThat(row.selectFirst("td.engine").text()).isEqualTo("Docker 26.1.5+dfsg1 · overlay2 · cgroup v1 · iptables");
    }

    @Test
    @DisplayName("says why a blocked row was not graded, host text as text")
    void blocked_row_says_why() throws IOException {
        Element row = row(page(), "vm-down");
        assertThat(row.hasClass("all-blocked")).isTrue();
        assertThat(row.selectFirst(".note").text())
                .isEqualTo("Why: no report: ssh forward to labvm@10.211.9.2 failed: <b>Connection refused</b>");
        assertThat(row.select("b")).hasSize(1);
        assertThat(row(page(), "vm-bookworm").selectFirst("td.engine").text()).startsWith("unknown: Docker is not reachable at");
    }

    @Test
    @DisplayName("links each cell to that VM's own labs-report.html, relative, where it exists")
    void links() throws IOException {
        Document page = page();
        assertThat(row(page, "vm-good").select("td.cell a").eachAttr("href"))
                .containsExactly("fleet/vm-good/labs-report.html#Q1", "fleet/vm-good/labs-report.html#Q2",
                        "fleet/vm-good/labs-report.html#Q3", "fleet/vm-good/labs-report.html#Q4", "fleet/vm-good/labs-report.html#Q5");
        assertThat(row(page, "vm-good").select("th.vm a").attr("href")).isEqualTo("fleet/vm-good/labs-report.html");
        assertThat(row(page, "vm-trixie").select("a")).as("vm-trixie has no page").isEmpty();
    }

    @Test
    @DisplayName("totals each lab: how many passed, failed, blocked")
    void totals() throws IOException {
        Element q3 = page().selectFirst("tfoot td.totals[data-lab=Q3]");
        assertThat(q3.select("[data-status]").eachText()).containsExactly("1 passed", "1 failed", "2 blocked");
    }

    @Test
    @DisplayName("sorts by VM, score and every lab (the sortable headings), and reads without its script")
    void sortable() throws IOException {
        Document page = page();
        assertThat(page.select("thead th[data-sortable]").eachText()).containsExactly("VM", "Q1", "Q2", "Q3", "Q4", "Q5", "Score", "Points", "Total",
                "Engine, or why the VM was not graded");
        assertThat(row(page, "vm-trixie").select("td.cell").eachAttr("data-sort")).containsExactly("2", "2", "0", "2", "2");
    }

    @Test
    @DisplayName("of an empty fleet says no VM was graded")
    void empty_fleet() throws IOException {
        Path empty = Files.createDirectories(target.resolve("empty"));
        GradebookWriter.writeAll(Gradebook.read(empty, List.of()), target.resolve("gradebook"), null);
        Document page = Jsoup.parse(Files.readString(target.resolve("gradebook.html")));

        assertThat(page.select("tbody tr").text()).startsWith("No VM was graded");
        assertThat(page.selectFirst("tfoot td.totals[data-lab=Q1]").select("[data-status]").eachText())
                .containsExactly("0 passed", "0 failed", "0 blocked");
        assertThat(page.title()).isEqualTo("Gradebook · 0 VMs · 0 passed every lab");
    }

    private void put(String vm, String resource) throws IOException {
        Files.createDirectories(fleet.resolve(vm));
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, fleet.resolve(vm).resolve("labs-report.json"));
        }
    }
}
