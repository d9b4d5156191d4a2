package org.sysnerd.dockerlabs.report;

import static j2html.TagCreator.a;
import static j2html.TagCreator.b;
import static j2html.TagCreator.br;
import static j2html.TagCreator.code;
import static j2html.TagCreator.details;
import static j2html.TagCreator.div;
import static j2html.TagCreator.dl;
import static j2html.TagCreator.each;
import static j2html.TagCreator.footer;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.iff;
import static j2html.TagCreator.li;
import static j2html.TagCreator.p;
import static j2html.TagCreator.pre;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.summary;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;
import static j2html.TagCreator.ul;
import static org.sysnerd.dockerlabs.html.Pages.command;
import static org.sysnerd.dockerlabs.html.Pages.term;
import static org.sysnerd.dockerlabs.html.Pages.verdict;

import j2html.tags.DomContent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sysnerd.dockerlabs.html.Pages;
import org.sysnerd.dockerlabs.report.LabsReportView.FactView;
import org.sysnerd.dockerlabs.report.LabsReportView.LabView;

/** {@code labs-report.html}: the run as one self-contained page, from the same {@link Report} as the JSON. */
public final class LabsReportPage {

    /** The page's file name, next to {@code labs-report.json}. */
    public static final String FILE = "labs-report.html";

    private LabsReportPage() {
    }

    /** The page of this report. */
    public static String html(Report report) {
        LabsReportView view = new LabsReportView(report);
        return Pages.page(view.title(), top(view), each(view.blocking(), f -> div(b(f.check()), text(": " + f.found().strip()),
                        br(), b("Fix:"), text(" " + Objects.toString(f.fix(), ""))).withClass("notice").attr("role", "note")),
                h2("The labs").withId("summary"), labsTable(view), graded(view.graded()), each(view.labs(), LabsReportPage::lab),
                footer(text("Written by the Docker labs kit at the end of the run, from the same data as "),
                        a("labs-report.json").withHref("labs-report.json"), text(". Every command, in order, with its output: "),
                        a("labs-replay.sh").withHref("labs-replay.sh"), text(".")));
    }

    /** Writes {@code dir/labs-report.html}. */
    public static Path write(Report report, Path dir) throws IOException {
        return Pages.write(dir.resolve(FILE), html(report));
    }

    private static DomContent top(LabsReportView view) {
        Report report = view.report();
        return j2html.TagCreator.header(h1(text("Docker labs: "), span(report.score()).withClass("score")),
                p(b(report.mode() + " mode"), text(": " + view.whose() + " · "), b("engine"), text(" " + view.engine()))
                        .withClass("meta"),
                iff(report.points().outOfTotal() > 0, p(text("Each fact is a point. "),
                        text(String.join("; ", report.points().outOfTotalLines(ReportWriter.state(report))) + "."))
                        .withClasses("meta", "out-of-total")),
                p(b("probe"), text(" " + report.probe())).withClasses("meta", "small"),
                p(b("run"), text(" "), span(report.runId()).withClass("mono"),
                        text(" · " + report.startedAt() + " to " + report.finishedAt() + " · "),
                        a("replay script (labs-replay.sh)").withHref("labs-replay.sh"), text(" · "),
                        a("JSON").withHref("labs-report.json"), text(" · "), a("Markdown").withHref("labs-report.md"))
                        .withClass("meta"));
    }

    private static DomContent labsTable(LabsReportView view) {
        return div(table(thead(tr(th("Lab").attr("scope", "col"), th("Title").attr("scope", "col"),
                        th("Result").attr("scope", "col"), th("Points").attr("scope", "col"), th("Time").attr("scope", "col").withClass("wide"))),
                tbody(each(view.labs(), lab -> tr(td(a(lab.lab().id()).withHref("#" + lab.lab().id())), td(lab.lab().title()),
                        td(verdict(LabsReportView.word(lab.lab().status()))), td(lab.lab().points().summary()).withClass("points"),
                        td(lab.lab().durationMs() + " ms").withClass("wide"))
                        .withClass(lab.css()).attr("data-lab", lab.lab().id())))).withClass("labs")).withClass("scroll");
    }

    private static DomContent graded(List<GradedContainer> graded) {
        return iff(!graded.isEmpty(), div(h2("Your containers, as the labs found them").withId("graded"), div(table(
                thead(tr(th("Name").attr("scope", "col"), th("ID").attr("scope", "col"), th("Image").attr("scope", "col"),
                        th("State").attr("scope", "col"))),
                tbody(each(graded, c -> tr(td(s(c.name())).withClass("name"),
                        td(LabsReportView.shortId(c.id())).withClass("mono").withTitle(s(c.id())),
                        td(s(c.image())).withClass("mono"), td(s(c.state())))))).withClass("graded")).withClass("scroll")));
    }

    private static DomContent lab(LabView lab) {
        LabResult result = lab.lab();
        return section(div(h2(result.id() + " · " + result.title()).withId(result.id() + "-title"),
                        verdict(LabsReportView.word(result.status()))).withClass("lab-head"),
                iff(result.status() != LabStatus.PASSED, lesson(lab)),
                iff(!result.subjects().isEmpty(), div(h3("Graded"), ul(each(result.subjects(), c -> li(span(s(c.name()))
                        .withClass("name"), text(" "), span(LabsReportView.shortId(c.id())).withClass("mono"), text(" ("),
                        span(s(c.image())).withClass("mono"), text(") " + s(c.state()))))).withClasses("evidence", "graded"))),
                iff(!result.evidence().isEmpty(), div(h3("Evidence"),
                        ul(each(result.evidence(), line -> li(s(line)).withClass("mono"))).withClass("evidence"))),
                iff(!lab.facts().isEmpty(), div(h3("Facts"), ul(each(lab.facts(), fact -> fact(lab, fact))).withClass("facts"))),
                iff(!result.commands().isEmpty(), details(summary(result.commands().size() + " commands this lab ran, with their output"),
                        each(result.commands(), c -> pre(code("$ " + s(c.command())), text("\n" + s(c.output())))))))
                .withClasses("lab", lab.css()).withId(result.id()).attr("aria-labelledby", result.id() + "-title");
    }

    /** A lab that did not pass: its lesson (when no fact carries it), why or the fix, and the page's verify command. */
    private static DomContent lesson(LabView lab) {
        LabResult result = lab.lab();
        Lesson lesson = lab.lesson();
        boolean here = !lab.lessonInFacts();
        return dl(term(result.status() == LabStatus.BLOCKED ? "Not checked" : "Fact", here ? lesson.fact() : null),
                term("Expected", here ? lesson.expected() : null), term("Seen", here ? lesson.seen() : null),
                term(lab.hintLabel(), result.hint()), command("See it yourself", here ? lesson.command() : null),
                command("Verify it yourself", result.verify())).withClass("lesson");
    }

    private static DomContent fact(LabView lab, FactView fact) {
        Lesson lesson = fact.lesson();
        DomContent parts = iff(lesson.fact() != null || lesson.hasExpectedAndSeen(), dl(term("Expected", lesson.expected()),
                term("Seen", lesson.seen()), term(fact.fact().status() == LabStatus.BLOCKED ? "Not checked" : "Seen",
                        lesson.hasExpectedAndSeen() ? null : lesson.fact()), term(lab.hintLabel(), fact.why()),
                command("See it yourself", lesson.command())).withClass("lesson"));
        return li(verdict(LabsReportView.word(fact.fact().status())), span(s(fact.fact().name())).withClass("fact-name"),
                span(fact.points()).withClass("fact-points"),
                iff(fact.notCheckedReason() != null, p(s(fact.notCheckedReason())).withClass("reason")), parts)
                .withClass(fact.css());
    }

    private static String s(String text) {
        return Objects.toString(text, "");
    }
}
