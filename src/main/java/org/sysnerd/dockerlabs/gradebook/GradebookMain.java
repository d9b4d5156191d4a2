package org.sysnerd.dockerlabs.gradebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -cp … org.sysnerd.dockerlabs.gradebook.GradebookMain FLEET_DIR OUT_BASE [VM…]}: reads
 * {@code FLEET_DIR/<vm>/labs-report.json} for each VM (every subdirectory when none is named) and writes
 * {@code OUT_BASE.csv}, {@code .md}, {@code .json}, {@code .html}; prints the Markdown. Exits 0 when every VM passed every lab, else 1.
 */
public final class GradebookMain {

    private GradebookMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GradebookMain FLEET_DIR OUT_BASE [VM...]   e.g. target/fleet target/gradebook vm1 vm2");
            System.exit(2);
        }
        List<String> vms = Arrays.asList(args).subList(2, args.length);
        Gradebook book = Gradebook.read(Path.of(args[0]), vms);
        GradebookWriter.writeAll(book, Path.of(args[1]), System.getenv("GITHUB_STEP_SUMMARY"));
        System.out.print(GradebookWriter.markdown(book));
        boolean all = book.rows().stream().allMatch(r -> r.total() > 0 && r.passed() == r.total());
        System.exit(all ? 0 : 1);
    }
}
