package org.sysnerd.dockerlabs.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.sysnerd.dockerlabs.html.Pages;

/** {@code labs-report.html}: the run as one self-contained page, from the same {@link Report} as the JSON. */
public final class LabsReportPage {

    /** The page's file name, next to {@code labs-report.json}. */
    public static final String FILE = "labs-report.html";

    private LabsReportPage() {
    }

    /** The page of this report. */
    public static String html(Report report) {
        return Pages.render("report/labsReport.jte", Map.of("view", new LabsReportView(report)));
    }

    /** Writes {@code dir/labs-report.html}. */
    public static Path write(Report report, Path dir) throws IOException {
        return Pages.write(dir.resolve(FILE), html(report));
    }
}
