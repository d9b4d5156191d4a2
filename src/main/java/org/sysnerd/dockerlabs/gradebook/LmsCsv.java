package org.sysnerd.dockerlabs.gradebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code gradebook.csv}, to import into an LMS's gradebook as it is, following Moodle's "Import from CSV" (Grades ▸
 * Import ▸ CSV file): one header row, then one row per learner; the first column the identifier (the VM's name in
 * the fleet's list, mapped to the LMS's username or ID number), then one numeric column per grade item, each lab and
 * the total, named with its maximum ({@code Q1 (3)}, {@code Total (22)}); a cell is the points earned scaled to its
 * column's maximum ({@link Gradebook#grade}, {@link Gradebook#total}), or empty for "no grade", which Moodle imports as
 * no grade and Canvas leaves ungraded, never as 0. See docs/grading.md.
 */
public final class LmsCsv {

    /** The identifier column's heading. */
    public static final String IDENTIFIER = "vm";

    private LmsCsv() {
    }

    /** {@code vm,Q1 (3),Q2 (2),…,Total (17)}, then one line per VM. */
    public static String csv(Gradebook book) {
        StringBuilder out = new StringBuilder(String.join(",", header(book))).append('\n');
        for (VmGrade row : book.rows()) {
            List<String> cells = new ArrayList<>(List.of(GradebookWriter.csvCell(row.vm())));
            book.labs().forEach(lab -> cells.add(cell(book.grade(row, lab))));
            cells.add(cell(book.total(row)));
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    /** The header: the identifier, each lab and the total named with its maximum. */
    public static List<String> header(Gradebook book) {
        List<String> header = new ArrayList<>(List.of(IDENTIFIER));
        book.labs().forEach(lab -> header.add(item(lab, book.maxPoints(lab))));
        header.add(item("Total", book.maxTotal()));
        return header;
    }

    /** A grade item's column: its name and, in brackets, its maximum. */
    static String item(String name, int max) {
        return name + " (" + max + ")";
    }

    /** A grade as a number with at most 2 decimals and a point ({@code 2.67}), or empty for "no grade". */
    private static String cell(Optional<BigDecimal> grade) {
        return grade.map(Gradebook::text).orElse("");
    }
}
