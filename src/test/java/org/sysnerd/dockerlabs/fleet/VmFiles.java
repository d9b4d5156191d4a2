package org.sysnerd.dockerlabs.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.Stream;

/** What the one-JVM grader leaves in a VM's directory, {@code FLEET_DIR/<vm>/}, as {@code scripts/grade-fleet.sh} reads it. */
final class VmFiles {

    private VmFiles() {
    }

    /** Moves a finished run's files beside the fleet's, each by a rename; true when the report is among them. */
    static boolean moveReport(Path inProgress, Path dir) {
        try (Stream<Path> files = Files.list(inProgress)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(inProgress);
        } catch (IOException e) {
            System.err.println("fleet-grader: " + dir + ": the run's report could not be moved: " + e);
        }
        return Files.exists(dir.resolve("labs-report.json"));
    }

    /** Writes the VM's status (when its run did not end normally) and wall time; its outcome, with the report's count. */
    static FleetGrader.Outcome finish(FleetGrader.Vm vm, Path dir, double wall, String status) {
        try {
            if (!status.isEmpty()) {
                Files.writeString(dir.resolve("fleet-status.txt"), status + "\n");
            }
            Files.writeString(dir.resolve("fleet-times.txt"),
                    String.format(Locale.ROOT, "%s wall_s=%.1f jvm=one%n", vm.name(), wall));
            return new FleetGrader.Outcome(vm, wall, status, status.isEmpty() ? board(dir) : "");
        } catch (IOException e) {
            return new FleetGrader.Outcome(vm, wall, "could not write " + dir + ": " + e.getMessage(), "");
        }
    }

    /** The report's count, as the per-VM script prints it from Maven's log ("all " when every lab passed). */
    private static String board(Path dir) {
        try {
            JsonNode report = JsonMapper.builder().build().readTree(dir.resolve("labs-report.json").toFile());
            int passed = report.path("passed").asInt();
            int total = report.path("total").asInt();
            return (passed == total && total > 0 ? "all " : "") + passed + "/" + total + " labs passed";
        } catch (IOException e) {
            return "report unreadable: " + e.getMessage();
        }
    }
}
