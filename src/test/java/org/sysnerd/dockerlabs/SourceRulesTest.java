package org.sysnerd.dockerlabs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules read off the sources themselves (issue 25), cheap enough to run with every build. */
@DisplayName("The kit's sources")
class SourceRulesTest {

    private static final int LIMIT = 200;
    /** Over the limit for now, each with the change that brings it under. */
    private static final Map<String, String> FOR_NOW = Map.of(
            "docker/EngineInfo.java", "its why* lesson texts move to the assertion classes (issue 25 item 3)");

    @Test
    @DisplayName("hold classes of at most about 200 lines each in src/main: one that grows past it has taken a second job")
    void at_most_200_lines() throws IOException {
        Path root = Path.of("src/main/java/org/sysnerd/dockerlabs");
        Map<String, Long> over = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.count();
                }
                if (lines > LIMIT && !FOR_NOW.containsKey(name)) {
                    over.put(name, lines);
                }
            }
        }
        assertThat(over).as("classes over %d lines: split each by job", LIMIT).isEmpty();
    }

    @Test
    @DisplayName("import nothing Testcontainers shades for itself, in the labs and the kit's tests too (LayeringTest checks src/main's classes)")
    void no_shaded_import() throws IOException {
        String shaded = "org.testcontainers" + ".shaded.";
        Map<String, Long> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.filter(line -> line.startsWith("import ") && line.contains(shaded)).count();
                }
                if (lines > 0) {
                    found.put(file.toString(), lines);
                }
            }
        }
        assertThat(found).as("sources importing %s: use docker-java's and Testcontainers' public types", shaded).isEmpty();
    }
}
