package org.sysnerd.dockerlabs.gradebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.sysnerd.dockerlabs.html.Pages;

/** {@code gradebook.html}: the class as one self-contained page, VMs by labs, from the same {@link Gradebook} as the CSV. */
public final class GradebookPage {

    private GradebookPage() {
    }

    /** The page of this gradebook, to be written into {@code pageDir} (its links to each VM's page are relative). */
    public static String html(Gradebook book, Path pageDir) {
        return Pages.render("gradebook/gradebook.jte", Map.of("view", GradebookView.of(book, pageDir)));
    }

    /** Writes {@code <base>.html}. */
    public static Path write(Gradebook book, Path base) throws IOException {
        Path file = base.toAbsolutePath().resolveSibling(base.getFileName() + ".html");
        return Pages.write(file, html(book, file.getParent()));
    }
}
