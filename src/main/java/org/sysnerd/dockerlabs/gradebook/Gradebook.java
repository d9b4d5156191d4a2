package org.sysnerd.dockerlabs.gradebook;

import org.sysnerd.dockerlabs.report.LabStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The kit's labs and how many facts (test methods) each has: a column's maximum when no report of the class lists
     * that lab's facts. {@code GradebookTest} checks it against the lab classes.
     */
    public static final Map<String, Integer> KIT_FACTS = Map.of("Q1", 3, "Q2", 4, "Q3", 3, "Q4", 3, "Q5", 3, "Q6", 5);

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

    /**
     * A lab's maximum, its column's in the LMS's CSV: the number of facts the lab has, i.e. the most facts any VM's report
     * lists in it, whatever their status (a v4 report lists every fact of every lab, even those a block stopped before),
     * so it is the same for every VM and every import, whatever was checked. When no report of the class lists a fact
     * of the lab (reports before v4 list none for a lab blocked before its facts; no report was read), the kit's own
     * count for that lab ({@link #KIT_FACTS}); 0 for a lab the kit does not know, which then has no grade.
     */
    public int maxPoints(String lab) {
        int listed = rows.stream().mapToInt(row -> row.points(lab).facts()).max().orElse(0);
        return listed > 0 ? listed : KIT_FACTS.getOrDefault(lab, 0);
    }

    /** The sum of the labs' maximums: the total's column. */
    public int maxTotal() {
        return labs.stream().mapToInt(this::maxPoints).sum();
    }

    /**
     * A VM's grade in a lab, as the LMS imports it: the points earned over the facts checked, scaled to the column's
     * maximum ({@code earned / possible × maximum}, rounded to 2 decimals), so a fact not checked on that VM's state is
     * out of its total and a learner who passed every fact that could be checked has full marks. Empty (no grade, never
     * 0) when no fact of the lab could be checked (no report, the lab not in it, every fact not checked) or when the lab
     * or one of its facts was BLOCKED: the environment's fault, which the course must look at.
     */
    public Optional<BigDecimal> grade(VmGrade row, String lab) {
        Points points = row.points(lab);
        int max = maxPoints(lab);
        if (max == 0 || points.possible() == 0 || points.blocked() > 0 || row.status(lab) == LabStatus.BLOCKED) {
            return Optional.empty();
        }
        return Optional.of(tidy(BigDecimal.valueOf((long) points.earned() * max)
                .divide(BigDecimal.valueOf(points.possible()), 2, RoundingMode.HALF_UP)));
    }

    /**
     * A VM's total, as the LMS imports it: its labs' grades added up over the labs that have one, scaled to the total's
     * maximum ({@code sum of grades / sum of those labs' maximums × total's maximum}, rounded to 2 decimals), so a lab
     * without a grade is out of it, as in Moodle's course total; the plain sum when every lab has a grade. Empty when no
     * lab has a grade.
     */
    public Optional<BigDecimal> total(VmGrade row) {
        BigDecimal sum = BigDecimal.ZERO;
        int max = 0;
        for (String lab : labs) {
            Optional<BigDecimal> grade = grade(row, lab);
            if (grade.isPresent()) {
                sum = sum.add(grade.get());
                max += maxPoints(lab);
            }
        }
        if (max == 0) {
            return Optional.empty();
        }
        return Optional.of(tidy(sum.multiply(BigDecimal.valueOf(maxTotal())).divide(BigDecimal.valueOf(max), 2, RoundingMode.HALF_UP)));
    }

    /** A grade as the CSV, the JSON and the pages write it: {@code 3}, {@code 2.5}, {@code 2.67}. */
    public static String text(BigDecimal grade) {
        return grade.toPlainString();
    }

    /** Without trailing zeros, and never in exponent form ({@code 10}, not {@code 1E+1}). */
    private static BigDecimal tidy(BigDecimal grade) {
        BigDecimal stripped = grade.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Reads {@code fleet/<vm>/labs-report.json} for each VM named (all subdirectories when none is named). A VM with a
     * {@link #FLEET_STATUS} did not end its run normally (timed out, stopped): the status wins over any report it left.
     */
    public static Gradebook read(Path fleet, List<String> vms) {
        List<String> names = vms.isEmpty() ? subdirectories(fleet) : vms;
        return of(names.stream().map(vm -> row(vm, fleet.resolve(vm))).toList());
    }

    private static VmGrade row(String vm, Path dir) {
        String status = fleetStatus(dir);
        Path report = dir.resolve("labs-report.json");
        return status.isBlank() ? ReportReader.read(vm, report, status) : ReportReader.notGraded(vm, report, status);
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
