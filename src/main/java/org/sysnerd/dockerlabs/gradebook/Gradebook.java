package org.sysnerd.dockerlabs.gradebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.sysnerd.dockerlabs.report.Points;

/**
 * A class's results: one row per VM, one column per lab (the page's Q1 to Q5, then any lab beyond the page
 * that a report has, in number order). Built from the fleet's directory, {@code <fleet>/<vm>/labs-report.json}.
 */
public record Gradebook(List<String> labs, List<VmGrade> rows) {

    /** What the fleet command leaves beside a VM's report when its run did not end normally (one line: why). */
    public static final String FLEET_STATUS = "fleet-status.txt";

    public Gradebook {
        labs = List.copyOf(labs);
        rows = List.copyOf(rows);
    }

    /** The gradebook of these rows, with a column for every lab any of them has. */
    public static Gradebook of(List<VmGrade> rows) {
        Set<String> labs = new LinkedHashSet<>(ReportReader.PAGE_LABS);
        rows.stream().flatMap(row -> row.labs().keySet().stream()).sorted(Comparator.comparing(Gradebook::labNumber)
                .thenComparing(Comparator.naturalOrder())).forEach(labs::add);
        List<String> columns = new ArrayList<>(labs);
        return new Gradebook(columns, rows.stream().map(row -> row.over(columns)).toList());
    }

    /** A lab's maximum, its column's in the LMS's CSV: the most facts any VM's report checked in that lab. */
    public int maxPoints(String lab) {
        return rows.stream().mapToInt(row -> row.points(lab).possible()).max().orElse(0);
    }

    /** The sum of the labs' maximums: the total's column. */
    public int maxTotal() {
        return labs.stream().mapToInt(this::maxPoints).sum();
    }

    /**
     * A VM's grade in a lab, as the LMS imports it: its points earned when every fact the column counts was checked on
     * that VM; empty (not graded, never 0) when some were not (a block, no report, another mode's facts).
     */
    public OptionalInt grade(VmGrade row, String lab) {
        Points points = row.points(lab);
        return maxPoints(lab) > 0 && points.blocked() == 0 && points.possible() == maxPoints(lab)
                ? OptionalInt.of(points.earned()) : OptionalInt.empty();
    }

    /** A VM's total, as the LMS imports it: its labs' grades added up when every lab has one, else empty. */
    public OptionalInt total(VmGrade row) {
        int sum = 0;
        for (String lab : labs) {
            OptionalInt grade = grade(row, lab);
            if (grade.isEmpty()) {
                return OptionalInt.empty();
            }
            sum += grade.getAsInt();
        }
        return OptionalInt.of(sum);
    }

    /** Reads {@code fleet/<vm>/labs-report.json} for each VM named (all subdirectories when none is named). */
    public static Gradebook read(Path fleet, List<String> vms) {
        List<String> names = vms.isEmpty() ? subdirectories(fleet) : vms;
        return of(names.stream().map(vm -> ReportReader.read(vm, fleet.resolve(vm).resolve("labs-report.json"),
                fleetStatus(fleet.resolve(vm)))).toList());
    }

    private static List<String> subdirectories(Path fleet) {
        try (Stream<Path> dirs = Files.list(fleet)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String fleetStatus(Path dir) {
        try {
            return Files.readString(dir.resolve(FLEET_STATUS)).strip().replaceAll("\\s*\\R\\s*", "; ");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int labNumber(String lab) {
        String digits = lab.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
