package org.sysnerd.dockerlabs.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders the kit's pages from their templates ({@code src/main/jte}, compiled to Java at build time by the jte
 * plugin). The content type is HTML, so every {@code ${…}} is escaped for where it stands (text or attribute):
 * a container named {@code <script>} shows as text.
 */
public final class Pages {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {
    }

    /** The page of {@code template} (e.g. {@code report/labsReport.jte}) with these parameters. */
    public static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(64 * 1024);
        ENGINE.render(template, params, out);
        return out.toString();
    }

    /** Writes the page to {@code file}, creating its directory. */
    public static Path write(Path file, String html) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.writeString(file, html);
    }
}
