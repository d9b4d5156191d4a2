package org.sysnerd.dockerlabs.gradebook;

import static j2html.TagCreator.a;
import static j2html.TagCreator.b;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.footer;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.header;
import static j2html.TagCreator.iff;
import static j2html.TagCreator.p;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;
import static j2html.TagCreator.tfoot;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;
import static org.sysnerd.dockerlabs.html.Pages.verdict;

import j2html.tags.DomContent;
import j2html.tags.specialized.ThTag;
import java.io.IOException;
import java.nio.file.Path;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.html.Pages;

/** {@code gradebook.html}: the class as one self-contained page, VMs by labs, from the same {@link Gradebook} as the CSV. */
public final class GradebookPage {

    private GradebookPage() {
    }

    /** The page of this gradebook, to be written into {@code pageDir} (its links to each VM's page are relative). */
    public static String html(Gradebook book, Path pageDir) {
        GradebookView view = GradebookView.of(book, pageDir);
        return Pages.page(view.title(),
                header(h1(text("Gradebook: "), span(view.fullMarks() + " of " + book.rows().size() + " VMs passed every lab")
                                .withClass("score")),
                        p(text("Each fact is a point; a fact not checked on a VM is out of its total. A cell's number is its "
                                        + "grade in gradebook.csv, over the lab's maximum (its facts); Total is the CSV's. Each cell opens that VM's "
                                        + "own lab report. Sort by a column with its heading. Points to import into your LMS: "),
                                a("gradebook.csv").withHref("gradebook.csv"), text(" (Moodle's CSV import). Also as "),
                                a("statuses (CSV)").withHref("gradebook-status.csv"), text(", "), a("JSON").withHref("gradebook.json"), text(", "),
                                a("Markdown").withHref("gradebook.md"), text(".")).withClass("meta")),
                div(table(thead(tr(sortable("VM", "vm"), each(book.labs(), lab -> sortable(lab, lab)), sortable("Score", "score"), sortable("Points", "points"),
                                sortable("Total", "total"),
                                th("Mode").attr("scope", "col").withClass("wide").attr("data-column", "mode"),
                                sortable("Engine, or why the VM was not graded", "engine").withClass("engine"))),
                        tbody(each(book.rows(), row -> row(view, row)), iff(book.rows().isEmpty(),
                                tr(td("No VM was graded: the fleet's directory has no VM's report.")
                                        .attr("colspan", book.labs().size() + 6)))),
                        tfoot(tr(th("Totals").attr("scope", "row"), each(book.labs(), lab -> td(each(view.statuses(),
                                        status -> span(verdict(view.count(lab, status) + " " + GradebookView.word(status)))
                                                .withClass(GradebookView.word(status)).attr("data-status", status.name())))
                                        .withClass("totals").attr("data-lab", lab)),
                                td(view.fullMarks() + " of " + book.rows().size() + " passed every lab").attr("colspan", 5))))
                        .withClasses("gradebook", "sortable")).withClass("scroll"),
                footer("Written by the Docker labs kit's gradebook (GradebookMain) from each VM's labs-report.json, like "
                        + "gradebook.csv."));
    }

    /** Writes {@code <base>.html}. */
    public static Path write(Gradebook book, Path base) throws IOException {
        Path file = base.toAbsolutePath().resolveSibling(base.getFileName() + ".html");
        return Pages.write(file, html(book, file.getParent()));
    }

    private static ThTag sortable(String heading, String column) {
        return th(heading).attr("scope", "col").attr("data-sortable", "").attr("data-column", column);
    }

    private static DomContent row(GradebookView view, VmGrade row) {
        String page = view.page(row);
        return tr(th(page == null ? text(row.vm()) : a(row.vm()).withHref(page)).attr("scope", "row").withClass("vm")
                        .attr("data-sort", row.vm()),
                each(view.book().labs(), lab -> cell(view, row, lab)),
                td(row.score()).withClass("score").attr("data-sort", GradebookView.scoreKey(row)),
                td(GradebookView.points(row)).withClass("points").attr("data-sort", GradebookView.pointsKey(row)),
                td(GradebookView.total(view.book(), row)).withClass("total").attr("data-sort", GradebookView.totalKey(view.book(), row)),
                td(row.mode()).withClass("wide"),
                td(text(row.engine()), iff(!row.note().isBlank(), div(b("Why:"), text(" " + row.note())).withClass("note")))
                        .withClass("engine"))
                .withCondClass(GradebookView.allBlocked(row), "all-blocked").attr("data-vm", row.vm());
    }

    private static DomContent cell(GradebookView view, VmGrade row, String lab) {
        LabStatus status = row.status(lab);
        String page = view.page(row, lab);
        DomContent word = j2html.TagCreator.each(verdict(GradebookView.word(status)),
                span(GradebookView.points(view.book(), row, lab)).withClass("cell-points"));
        return td(page == null ? word : a(word).withHref(page)).withClasses("cell", GradebookView.word(status))
                .attr("data-lab", lab).attr("data-sort", GradebookView.rank(status));
    }
}
