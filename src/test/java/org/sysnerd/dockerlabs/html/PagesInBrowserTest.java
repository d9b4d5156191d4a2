package org.sysnerd.dockerlabs.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.sysnerd.dockerlabs.gradebook.Gradebook;
import org.sysnerd.dockerlabs.gradebook.GradebookWriter;
import org.sysnerd.dockerlabs.report.GradedContainer;
import org.sysnerd.dockerlabs.report.LabsReportPage;
import org.sysnerd.dockerlabs.report.RecordedReports;

/**
 * Opens labs-report.html and gradebook.html in Debian's headless Chromium, when asked: CI points it at the pages of a
 * real run and a real fleet run ({@code -Dlabs.pages.report=target/labs-report.html}, {@code -Dlabs.pages.gradebook=
 * target/gradebook.html}; a page not given is made from recorded reports), {@code -Dlabs.pages.recorded=true} at pages
 * made from recorded reports only. Asked, a missing or broken Chromium fails the test. Not asked, it skips, saying
 * how: a browser's start and eight pages would add 3-4 s to every {@code ./mvnw test} on two cores.
 */
@DisplayName("The lab report and the gradebook in headless Chromium")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "asked", disabledReason = "the browser test runs when asked: -Dlabs.pages.report=target/labs-report.html "
        + "-Dlabs.pages.gradebook=target/gradebook.html (as .ci/run does), or -Dlabs.pages.recorded=true; it needs "
        + "Debian's chromium and chromium-driver (sudo apt-get install -y chromium chromium-driver)")
class PagesInBrowserTest {

    static final String REPORT = "labs.pages.report";
    static final String GRADEBOOK = "labs.pages.gradebook";
    static final String RECORDED = "labs.pages.recorded";
    private static final Path WORK = Path.of("target", "pages-check");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String SCRIPT_NAME = "<script>window.pwned=1;alert(1)</script>";
    private static final String IMAGE_NAME = "\"><img src=x onerror=\"window.pwned=2\">";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Chromium chromium;

    /** True when pages were given, or the recorded ones asked for. */
    static boolean asked() {
        return System.getProperty(REPORT) != null || System.getProperty(GRADEBOOK) != null || Boolean.getBoolean(RECORDED);
    }
    private Path report;
    private Path gradebook;

    @BeforeAll
    void start() throws IOException {
        String missing = Chromium.missing();
        if (missing != null) {
            fail(missing + ": the pages were given to the browser test (-D" + REPORT + ", -D" + GRADEBOOK + ", -D"
                    + RECORDED + ") and must be checked");
        }
        report = given(REPORT).orElse(recordedReport());
        gradebook = given(GRADEBOOK).orElse(recordedFleet());
        chromium = Chromium.start(1280, 900);
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @DisplayName("the lab report shows every lab's verdict as labs-report.json has it, as a word and as a colour")
    void report_verdicts() throws IOException {
        chromium.open(report);
        for (JsonNode lab : json(report, "labs-report.json").path("labs")) {
            String id = lab.path("id").asText();
            String status = lab.path("status").asText().toLowerCase();
            WebElement row = chromium.driver.findElement(By.cssSelector("table.labs tr[data-lab='" + id + "']"));
            assertThat(row.getAttribute("class")).as("%s's row", id).isEqualTo(status);
            assertThat(row.findElement(By.cssSelector(".verdict")).getText()).as("%s's verdict", id).containsIgnoringCase(status);
            WebElement section = chromium.driver.findElement(By.id(id));
            assertThat(section.findElement(By.cssSelector(".lab-head .verdict")).getText()).containsIgnoringCase(status);
            assertThat(section.getCssValue("border-left-color")).as("%s's colour", id).isEqualTo(colour(status));
        }
    }

    @Test
    @DisplayName("the gradebook shows every VM's cells and score as gradebook.json has them")
    void gradebook_cells() throws IOException {
        chromium.open(gradebook);
        JsonNode book = json(gradebook, "gradebook.json");
        assertThat(chromium.driver.findElements(By.cssSelector("tbody tr[data-vm]"))).hasSize(book.path("vms").size());
        for (JsonNode vm : book.path("vms")) {
            WebElement row = chromium.driver.findElement(By.cssSelector("tbody tr[data-vm='" + vm.path("vm").asText() + "']"));
            for (JsonNode lab : book.path("labs")) {
                String status = vm.path("labs").path(lab.asText()).asText().toLowerCase();
                WebElement cell = row.findElement(By.cssSelector("td.cell[data-lab='" + lab.asText() + "']"));
                assertThat(cell.findElement(By.cssSelector(".verdict")).getText()).as("%s %s", vm.path("vm").asText(), lab.asText())
                        .isEqualToIgnoringCase(status);
                JsonNode grade = vm.path("grades").path(lab.asText());
                assertThat(cell.findElement(By.cssSelector(".cell-points")).getText()).as("%s %s's points", vm.path("vm").asText(),
                        lab.asText()).isEqualTo((grade.isNull() ? "–" : grade.asText()) + "/" + book.path("maxPoints").path(lab.asText()).asText());
                assertThat(cell.getAttribute("class")).isEqualTo("cell " + status);
            }
            assertThat(row.findElement(By.cssSelector("td.score")).getText()).isEqualTo(vm.path("score").asText());
            JsonNode total = vm.path("grades").path("Total");
            assertThat(row.findElement(By.cssSelector("td.total")).getText()).as("%s's total", vm.path("vm").asText())
                    .isEqualTo((total.isNull() ? "–" : total.asText()) + "/" + book.path("maxPoints").path("Total").asText());
        }
    }

    @Test
    @DisplayName("each gradebook cell links to an existing labs-report.html of its VM, where the VM has one")
    void gradebook_links() {
        chromium.open(gradebook);
        List<String> links = chromium.driver.findElements(By.cssSelector("td.cell a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(links).isNotEmpty().allSatisfy(href -> assertThat(Path.of(java.net.URI.create(href.replaceAll("#.*", ""))))
                .isRegularFile().hasFileName("labs-report.html"));
    }

    @Test
    @DisplayName("a learner's container named with HTML shows as text and runs no script")
    void host_text_is_text() throws IOException {
        Path page = WORK.resolve("escaping");
        LabsReportPage.write(RecordedReports.withGraded(RecordedReports.read(report.resolveSibling("labs-report.json")),
                new GradedContainer(SCRIPT_NAME, "0123456789abcdef", IMAGE_NAME, "running, PID 1")), page);
        chromium.open(page.resolve(LabsReportPage.FILE));

        assertThat(chromium.driver.findElements(By.cssSelector("table.graded td.name")).stream().map(WebElement::getText))
                .contains(SCRIPT_NAME);
        assertThat(chromium.driver.getPageSource()).doesNotContain(SCRIPT_NAME);
        assertThat(chromium.driver.executeScript("return [typeof window.pwned, document.scripts.length, document.images.length]"))
                .isEqualTo(List.of("undefined", 1L, 0L));
        assertThatThrownBy(() -> chromium.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @DisplayName("no request leaves either page, and the browser refuses nothing of the kit's own style and script")
    void self_contained() {
        for (Path page : List.of(report, gradebook)) {
            chromium.clearLogs();
            chromium.open(page);
            String self = page.toAbsolutePath().toUri().toString();
            assertThat(chromium.requests(page)).as("requests made by %s", page).containsOnly(self);
            assertThat(chromium.console()).as("the console of %s", page).noneMatch(line -> line.contains("Content Security Policy"));
            assertThat(chromium.driver.findElement(By.tagName("html")).getAttribute("data-script")).as("the kit's script ran")
                    .isEqualTo("ran");
        }
    }

    @Test
    @DisplayName("the network check sees a request that a page makes (to loopback)")
    void the_check_sees_a_request() throws IOException {
        Path leak = Files.writeString(Files.createDirectories(WORK).resolve("leak.html"),
                "<!DOCTYPE html><title>leak</title><img src=\"http://127.0.0.1:9/leak.png\">");
        chromium.clearLogs();
        chromium.open(leak);
        assertThat(chromium.requests(leak)).contains("http://127.0.0.1:9/leak.png");
    }

    @Test
    @DisplayName("the gradebook sorts by score, both ways, and by a lab, its failed VMs first")
    void sorts() {
        chromium.open(gradebook);
        WebElement score = chromium.driver.findElement(By.cssSelector("th[data-column=score] button"));
        score.click();
        assertThat(keys("td.score")).isSorted();
        score.click();
        assertThat(keys("td.score")).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        chromium.driver.findElement(By.cssSelector("th[data-column=Q3] button")).click();
        assertThat(keys("td.cell[data-lab=Q3]")).isSorted();
        assertThat(chromium.driver.findElement(By.cssSelector("th[data-column=Q3]")).getAttribute("aria-sort")).isEqualTo("ascending");
    }

    @Test
    @DisplayName("writes a screenshot of each page under target/screenshots (a laptop's window, the first lesson, a phone's)")
    void screenshots() throws IOException {
        String run = report.toAbsolutePath().getParent().getFileName().toString();
        chromium.open(report);
        chromium.screenshot(SHOTS.resolve("labs-report-" + run + ".png"));
        List<WebElement> lessons = chromium.driver.findElements(By.cssSelector("section.lab.failed, section.lab.blocked"));
        if (!lessons.isEmpty()) {
            chromium.driver.executeScript("arguments[0].scrollIntoView()", lessons.get(0));
            chromium.screenshot(SHOTS.resolve("labs-report-" + run + "-lesson.png"));
        }
        chromium.open(gradebook);
        chromium.screenshot(SHOTS.resolve("gradebook.png"));
        chromium.driver.manage().window().setSize(new Dimension(412, 915));
        chromium.open(report);
        chromium.screenshot(SHOTS.resolve("labs-report-" + run + "-phone.png"));
        chromium.driver.manage().window().setSize(new Dimension(1280, 900));
        assertThat(SHOTS.resolve("gradebook.png")).isNotEmptyFile();
    }

    private List<Integer> keys(String cells) {
        return chromium.driver.findElements(By.cssSelector("tbody " + cells)).stream()
                .map(td -> Integer.parseInt(td.getAttribute("data-sort"))).toList();
    }

    private static String colour(String status) {
        return Map.of("passed", "rgba(26, 127, 55, 1)", "failed", "rgba(179, 38, 30, 1)", "blocked", "rgba(138, 75, 0, 1)").get(status);
    }

    private static JsonNode json(Path page, String name) throws IOException {
        return JSON.readTree(Files.readString(page.resolveSibling(name)));
    }

    private static Optional<Path> given(String property) {
        return Optional.ofNullable(System.getProperty(property)).filter(p -> !p.isBlank()).map(Path::of).map(page -> {
            assertThat(page).as("-D%s", property).isRegularFile();
            return page;
        });
    }

    /** labs-report.html of a recorded learner run (graded containers, NOT_CHECKED facts). */
    private static Path recordedReport() throws IOException {
        Path dir = Files.createDirectories(WORK.resolve("report"));
        copy("/report/recorded-learner-run.json", dir.resolve("labs-report.json"));
        return LabsReportPage.write(RecordedReports.read(dir.resolve("labs-report.json")), dir);
    }

    /** gradebook.html of a fleet of recorded reports: all passed, Q3 failed, every lab blocked, no report at all. */
    private static Path recordedFleet() throws IOException {
        Path fleet = WORK.resolve("fleet");
        Map<String, String> vms = Map.of("vm-sid", "/report/recorded-run-all-passed.json", "vm-trixie",
                "/gradebook/recorded-vm-q3-failed.json", "vm-bookworm", "/gradebook/recorded-vm-daemon-stopped.json");
        for (Map.Entry<String, String> vm : vms.entrySet()) {
            Path dir = Files.createDirectories(fleet.resolve(vm.getKey()));
            copy(vm.getValue(), dir.resolve("labs-report.json"));
            LabsReportPage.write(RecordedReports.read(dir.resolve("labs-report.json")), dir);
        }
        Files.writeString(Files.createDirectories(fleet.resolve("vm-down")).resolve(Gradebook.FLEET_STATUS),
                "ssh forward to labvm@10.211.9.2 failed: Connection refused\n");
        GradebookWriter.writeAll(Gradebook.read(fleet, List.of()), WORK.resolve("gradebook"), null);
        return WORK.resolve("gradebook.html");
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = PagesInBrowserTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
