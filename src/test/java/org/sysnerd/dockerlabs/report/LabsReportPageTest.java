package org.sysnerd.dockerlabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysnerd.dockerlabs.html.PageAssets;

@DisplayName("labs-report.html, from recorded reports")
class LabsReportPageTest {

    private static Document page(String recorded) {
        return Jsoup.parse(LabsReportPage.html(RecordedReports.recorded(recorded)));
    }

    private static List<String> verdicts(Document page) {
        return page.select("table.labs tbody tr").stream()
                .map(row -> row.attr("data-lab") + " " + row.className() + " " + row.selectFirst(".verdict").text()).toList();
    }

    private static String dd(Element list, String term) {
        Element dt = list.select("dt").stream().filter(d -> d.text().equals(term)).findFirst().orElse(null);
        return dt == null ? null : dt.nextElementSibling().text();
    }

    @Test
    @DisplayName("titles the page with the score, the mode and the engine")
    void title() {
        assertThat(page("report/recorded-run.json").title())
                .isEqualTo("Docker labs · 0/5 labs passed · 1 of 2 points · spec mode · Docker 20.10.24+dfsg1 · overlay2 · cgroup v1 · iptables");
    }

    @Test
    @DisplayName("gives each lab its points, and each fact what it counts for")
    void points() {
        Document page = page("report/recorded-learner-run.json");

        assertThat(page.select("table.labs td.points").eachText()).containsExactly("3 of 3 points",
                "3 of 3 points (1 not checked, out of the total)", "2 of 2 points (1 not checked, out of the total)",
                "3 of 3 points", "3 of 3 points");
        assertThat(page.select("#Q2 li.not_checked .fact-points").text()).isEqualTo("out of the total");
        assertThat(page.select(".out-of-total").text()).contains("2 facts not checked on your containers, out of the total");
    }

    @Test
    @DisplayName("shows each lab's verdict as a colour class and as a word: passed")
    void passed() {
        assertThat(verdicts(page("report/recorded-run-all-passed.json"))).containsExactly("Q1 passed passed", "Q2 passed passed",
                "Q3 passed passed", "Q4 passed passed", "Q5 passed passed");
    }

    @Test
    @DisplayName("shows each lab's verdict as a colour class and as a word: blocked and failed")
    void blocked_and_failed() {
        assertThat(verdicts(page("report/recorded-run.json"))).containsExactly("Q1 blocked blocked", "Q2 blocked blocked",
                "Q3 blocked blocked", "Q4 blocked blocked", "Q5 failed failed");
    }

    @Nested
    @DisplayName("a blocked lab")
    class Blocked {

        private final Element q1 = page("report/recorded-run.json").getElementById("Q1");

        @Test
        @DisplayName("says why it was not checked and the fix")
        void cause_and_fix() {
            Element lesson = q1.selectFirst("dl.lesson");
            assertThat(dd(lesson, "Not checked")).startsWith("image docker-labs/does-not-exist:1 (labs.image.nginx");
            assertThat(dd(lesson, "Fix")).contains("build the stand-ins (scripts/build-standin-images.sh)");
        }

        @Test
        @DisplayName("gives the page's command to verify it yourself, in a copyable code box")
        void verify() {
            assertThat(q1.select("dl.lesson dd.command code").text())
                    .isEqualTo("sudo ls -l /proc/$(docker inspect -f \"{{.State.Pid}}\" web)/ns/net");
        }

        @Test
        @DisplayName("is also named in the preflight's notice, with the fix")
        void preflight_notice() {
            assertThat(page("report/recorded-run.json").select(".notice").text()).startsWith("image nginx: image docker-labs/")
                    .contains("Fix: build the stand-ins");
        }
    }

    @Nested
    @DisplayName("a failed fact")
    class FailedFact {

        private final Element fact = page("report/recorded-vm-q3-failed.json").getElementById("Q3").selectFirst("ul.facts li.failed");

        @Test
        @DisplayName("shows Expected, Seen, Why and the command to see it yourself")
        void lesson() {
            Element lesson = fact.selectFirst("dl.lesson");
            assertThat(dd(lesson, "Expected")).isEqualTo("a DNAT rule for tcp port 32768 to 172.17.0.6:80");
            assertThat(dd(lesson, "Seen")).isEqualTo("none");
            assertThat(dd(lesson, "Why")).startsWith("no DNAT rule, but the port answers: Docker runs with --iptables=false");
            assertThat(dd(lesson, "See it yourself")).isEqualTo("sudo iptables -t nat -S DOCKER -v");
        }

        @Test
        @DisplayName("names the fact with its verdict as a word")
        void word() {
            assertThat(fact.selectFirst(".verdict").text()).isEqualTo("failed");
            assertThat(fact.selectFirst(".fact-name").text())
                    .isEqualTo("the published port has a DNAT rule to the container's address and port 80");
        }
    }

    @Test
    @DisplayName("shows a NOT_CHECKED fact as not checked, with its reason")
    void not_checked() {
        Element fact = page("report/recorded-learner-run.json").getElementById("Q2").selectFirst("ul.facts li.not_checked");

        assertThat(fact.selectFirst(".verdict").text()).isEqualTo("not checked");
        assertThat(fact.selectFirst(".reason").text()).isEqualTo("not checked on your own containers: it writes a file into the container");
    }

    @Test
    @DisplayName("lists the learner's graded containers: name, ID, image and state")
    void graded() {
        List<String> rows = page("report/recorded-learner-run.json").select("table.graded tbody tr").stream()
                .map(row -> row.select("td").eachText().toString()).toList();

        assertThat(rows).contains("[web, d8f988699ec9, docker-labs-standin/nginx:debian, running, PID 31758]");
    }

    @Test
    @DisplayName("shows each lab's evidence")
    void evidence() {
        assertThat(page("report/recorded-learner-run.json").getElementById("Q1").select("ul.evidence li").eachText())
                .contains("container PID 31758: net:[4026532329] vs host net:[4026531833]");
    }

    @Test
    @DisplayName("links the replay script, relative to the page")
    void replay_link() {
        assertThat(page("report/recorded-run.json").select("a[href=labs-replay.sh]")).isNotEmpty();
    }

    @Nested
    @DisplayName("text from the host is data")
    class Escaping {

        private static final String SCRIPT = "<script>alert(1)</script>";
        private static final String IMAGE = "\"><img src=x onerror=alert(2)>";

        private final Document page = Jsoup.parse(LabsReportPage.html(RecordedReports.withGraded(
                RecordedReports.recorded("report/recorded-learner-run.json"), new GradedContainer(SCRIPT, "abc", IMAGE, "running"))));

        @Test
        @DisplayName("a container named with HTML shows as its text")
        void name_is_text() {
            assertThat(page.select("table.graded td.name").eachText()).contains(SCRIPT);
            assertThat(page.select("table.graded td.mono").eachText()).contains(IMAGE);
        }

        @Test
        @DisplayName("so is a command's output and an evidence line")
        void output_is_text() {
            String output = "</pre><script>alert(3)</script>";
            Report recorded = RecordedReports.recorded("report/recorded-run.json");
            LabResult q5 = recorded.labs().get(4);
            LabResult withHtml = new LabResult(q5.id(), q5.title(), q5.status(), List.of("<b>evidence</b>"), q5.message(), q5.hint(),
                    q5.lesson(), q5.verify(), q5.durationMs(), q5.tests(), q5.subjects(), List.of(new CommandRecord("echo '<i>'", output)));
            Document page = Jsoup.parse(LabsReportPage.html(new Report(recorded.schema(), recorded.runId(), recorded.mode(),
                    recorded.startedAt(), recorded.finishedAt(), recorded.engine(), recorded.probe(), recorded.preflight(),
                    List.of(withHtml), 0, 1)));

            assertThat(page.select("details pre").first().wholeText()).isEqualTo("$ echo '<i>'\n" + output);
            assertThat(page.select("ul.evidence li").eachText()).containsExactly("<b>evidence</b>");
            assertThat(page.select("script")).hasSize(1);
            assertThat(page.select("b").eachText()).doesNotContain("evidence");
        }

        @Test
        @DisplayName("and makes no element: the page's one script is the kit's, and there is no image")
        void no_markup() {
            assertThat(page.select("script")).hasSize(1);
            assertThat(page.selectFirst("script").data()).isEqualTo(PageAssets.kit().js());
            assertThat(page.select("img, [onerror]")).isEmpty();
        }
    }

    @Nested
    @DisplayName("is self-contained")
    class SelfContained {

        private final Document page = page("report/recorded-learner-run.json");

        @Test
        @DisplayName("with a Content-Security-Policy that allows nothing but its own style and script")
        void csp() {
            String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
            assertThat(csp).startsWith("default-src 'none'; ").isEqualTo(PageAssets.kit().contentSecurityPolicy());
        }

        @Test
        @DisplayName("loading nothing: no src attribute, no stylesheet link, links only relative or to the page itself")
        void nothing_loaded() {
            assertThat(page.select("[src], link")).isEmpty();
            assertThat(page.select("a[href]").eachAttr("href")).allMatch(href -> !href.contains(":") && !href.startsWith("//"));
        }
    }

    @Test
    @DisplayName("is written next to the JSON by writeAll")
    void written_by_write_all(@TempDir Path dir) throws IOException {
        Report report = RecordedReports.recorded("report/recorded-run.json");
        ReportWriter.writeAll(report, dir, null);

        assertThat(dir.resolve("labs-report.html")).hasContent(LabsReportPage.html(report));
    }
}
