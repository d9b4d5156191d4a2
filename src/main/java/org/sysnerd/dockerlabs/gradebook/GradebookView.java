package org.sysnerd.dockerlabs.gradebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.LabsReportPage;

/**
 * What {@code gradebook.html} shows of a {@link Gradebook}: rows, totals per lab, and each VM's own page as a path
 * relative to the gradebook's page (present only when that VM's {@code labs-report.html} exists).
 *
 * @param pages VM name to the relative path of its {@code labs-report.html}
 */
public record GradebookView(Gradebook book, Map<String, String> pages) {

    /** The view of {@code book} for a page written into {@code pageDir}. */
    public static GradebookView of(Gradebook book, Path pageDir) {
        Map<String, String> pages = new LinkedHashMap<>();
        Path from = pageDir.toAbsolutePath().normalize();
        for (VmGrade row : book.rows()) {
            Path page = Path.of(row.report()).toAbsolutePath().normalize().resolveSibling(LabsReportPage.FILE);
            if (Files.isRegularFile(page)) {
                pages.put(row.vm(), from.relativize(page).toString().replace('\\', '/'));
            }
        }
        return new GradebookView(book, pages);
    }

    /** The page's title: how many VMs, how many passed every lab. */
    public String title() {
        return "Gradebook · " + book.rows().size() + " VMs · " + fullMarks() + " passed every lab";
    }

    /** VMs that passed every lab. */
    public long fullMarks() {
        return book.rows().stream().filter(r -> r.total() > 0 && r.passed() == r.total()).count();
    }

    /** The link to this VM's page, or null when it has none. */
    public String page(VmGrade row) {
        return pages.get(row.vm());
    }

    /** The link to one lab of this VM's page, or null. */
    public String page(VmGrade row, String lab) {
        String page = page(row);
        return page == null ? null : page + "#" + lab;
    }

    /** A status's CSS class and word: passed, failed, blocked. */
    public static String word(LabStatus status) {
        return status.name().toLowerCase();
    }

    /** Sorts a lab's column with the class's trouble first: failed, blocked, passed. */
    public static int rank(LabStatus status) {
        return switch (status) {
            case FAILED -> 0;
            case BLOCKED, NOT_CHECKED -> 1;
            case PASSED -> 2;
        };
    }

    /** Sorts the score column by the share of labs passed (per mille). */
    public static int scoreKey(VmGrade row) {
        return row.total() == 0 ? 0 : row.passed() * 1000 / row.total();
    }

    /** A row's points in all: {@code 12 of 15}, with the facts out of its total; {@code not graded} when no fact was checked (no report, no Docker). */
    public static String points(VmGrade row) {
        return row.pointsInAll().possible() == 0 ? "not graded" : row.pointsInAll().summary();
    }

    /** Sorts the points column by the share of points earned (per mille). */
    public static int pointsKey(VmGrade row) {
        org.sysnerd.dockerlabs.report.Points points = row.pointsInAll();
        return points.possible() == 0 ? 0 : points.earned() * 1000 / points.possible();
    }

    /** A cell's points: {@code 2/3} or {@code 2.67/4}, as the LMS's CSV has them over the column's maximum, or {@code –/3} when not graded. */
    public static String points(Gradebook book, VmGrade row, String lab) {
        return book.grade(row, lab).map(Gradebook::text).orElse("–") + "/" + book.maxPoints(lab);
    }

    /** A row's total as the LMS's CSV has it, over the total's maximum: {@code 19.5/22}, or {@code –/22} when no lab has a grade. */
    public static String total(Gradebook book, VmGrade row) {
        return book.total(row).map(Gradebook::text).orElse("–") + "/" + book.maxTotal();
    }

    /** Sorts the total column by the share of the total's maximum (per mille); no grade first. */
    public static int totalKey(Gradebook book, VmGrade row) {
        return book.total(row).filter(t -> book.maxTotal() > 0)
                .map(t -> t.multiply(java.math.BigDecimal.valueOf(1000)).divide(java.math.BigDecimal.valueOf(book.maxTotal()),
                        0, java.math.RoundingMode.DOWN).intValue()).orElse(-1);
    }

    /** True when no lab of the row was checked (no report, no Docker): the row says why. */
    public static boolean allBlocked(VmGrade row) {
        return !row.labs().isEmpty() && row.labs().values().stream().allMatch(s -> s == LabStatus.BLOCKED);
    }

    /** How many VMs had this status in this lab. */
    public long count(String lab, LabStatus status) {
        return book.rows().stream().filter(r -> r.status(lab) == status).count();
    }

    /** The statuses in the order the totals show them. */
    public List<LabStatus> statuses() {
        return List.of(LabStatus.PASSED, LabStatus.FAILED, LabStatus.BLOCKED);
    }
}
