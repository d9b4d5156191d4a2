package org.sysnerd.dockerlabs.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sysnerd.dockerlabs.gradebook.Gradebook;
import org.sysnerd.dockerlabs.gradebook.GradebookPage;
import org.sysnerd.dockerlabs.report.LabsReportPage;
import org.sysnerd.dockerlabs.report.RecordedReports;
import org.sysnerd.dockerlabs.report.ReportWriter;
import org.sysnerd.dockerlabs.report.Report;

/**
 * {@code bench/page-timing.sh REPORT_JSON FLEET_DIR}: how long writing each page takes, in a new JVM as at the end of a
 * run: the first write (loading j2html and the page's classes) and the median of 20 more; the JSON's, to compare.
 * Prints one line per file.
 */
public final class PageTiming {

    private PageTiming() {
    }

    public static void main(String[] args) throws Exception {
        Report report = RecordedReports.read(Path.of(args[0]));
        Path out = Files.createTempDirectory("page-timing-");
        Gradebook book = Gradebook.read(Path.of(args[1]), List.of());
        time("labs-report.json", () -> java.nio.file.Files.writeString(out.resolve("labs-report.json"), ReportWriter.json(report)));
        time("labs-report.html", () -> LabsReportPage.write(report, out));
        time("gradebook.html", () -> GradebookPage.write(book, out.resolve("gradebook")));
    }

    private interface Write {
        Path run() throws Exception;
    }

    private static void time(String page, Write write) throws Exception {
        long start = System.nanoTime();
        Path file = write.run();
        double first = (System.nanoTime() - start) / 1e6;
        double[] more = new double[20];
        for (int i = 0; i < more.length; i++) {
            long t = System.nanoTime();
            write.run();
            more[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(more);
        System.out.printf("%s bytes=%d first_ms=%.1f median_ms=%.2f%n", page, Files.size(file), first, more[more.length / 2]);
    }
}
