package org.sysnerd.dockerlabs.gradebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
