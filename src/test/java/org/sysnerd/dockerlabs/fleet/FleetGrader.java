package org.sysnerd.dockerlabs.fleet;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades a class of VMs in one JVM: the labs run against each VM's daemon through the JUnit Platform Launcher, several
 * VMs at once, each run with its own kit object (its {@code labs.docker.host}, {@code labs.report.dir}, mode) and its
 * own time limit; a VM that hangs holds only its own thread. Writes what {@code scripts/grade-fleet.sh} writes per VM
 * ({@code FLEET_DIR/<vm>/labs-report.*}, {@code fleet-status.txt} when there is no report, {@code fleet-times.txt}).
 * The learner mode only: the spec mode's containers are started by Testcontainers, whose client is one per JVM.
 *
 * <pre>java -cp ... org.sysnerd.dockerlabs.fleet.FleetGrader FLEET_DIR SOCKETS JOBS LIMIT_SECONDS</pre>
 * SOCKETS: lines {@code NAME DOCKER_HOST} (the VM's socket as this machine reaches it, e.g. a forwarded one).
 */
public final class FleetGrader {

    private FleetGrader() {
    }

    /** One VM to grade: its name and the address its daemon answers at from here. */
    record Vm(String name, String dockerHost) {
        static List<Vm> parse(List<String> lines) {
            List<Vm> vms = new ArrayList<>();
            for (String line : lines) {
                String[] fields = line.replaceAll("#.*", "").strip().split("\\s+");
                if (fields.length >= 2) {
                    vms.add(new Vm(fields[0], fields[1]));
                }
            }
            return vms;
        }
    }

    /** How one VM's run ended, as fleet-status.txt says it (empty when the report says it all). */
    record Outcome(Vm vm, double wallSeconds, String status, String board) {
    }

    public static void main(String[] args) throws Exception {
        Path fleet = Path.of(args[0]);
        List<Vm> vms = Vm.parse(Files.readAllLines(Path.of(args[1])));
        int jobs = Integer.parseInt(args[2]);
        Duration limit = Duration.ofSeconds(Long.parseLong(args[3]));
        String mode = System.getProperty("labs.mode", "learner");
        Semaphore slots = new Semaphore(jobs);
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (Vm vm : vms) {
            slots.acquire();
            CompletableFuture<Outcome> graded = grade(vm, fleet.resolve(vm.name()), mode, limit);
            graded.whenComplete((outcome, e) -> slots.release());
            graded.thenAccept(FleetGrader::say);
            all.add(graded);
        }
        int passedAll = 0;
        for (CompletableFuture<Outcome> graded : all) {
            Outcome outcome = graded.join();
            passedAll += outcome.status().isEmpty() && outcome.board().startsWith("all ") ? 1 : 0;
        }
        System.err.printf("fleet-grader: %d VMs graded in one JVM, %d with every lab passed%n", vms.size(), passedAll);
        System.exit(0); // a hung VM's run may still hold a thread: its clean-up runs in the shutdown hooks
    }

    /** Runs the labs against one VM on a thread of its own, bounded by the limit; never completes exceptionally. */
    static CompletableFuture<Outcome> grade(Vm vm, Path dir, String mode, Duration limit) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(dir); // before the limit can strike: its status is written there
        CompletableFuture<Void> run = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                LauncherFactory.create().execute(request(vm, dir, mode));
                run.complete(null);
            } catch (Throwable e) {
                run.completeExceptionally(e);
            }
        }, "fleet-" + vm.name());
        thread.setDaemon(true);
        thread.start();
        return run.orTimeout(limit.toSeconds(), TimeUnit.SECONDS).handle((ok, e) -> {
            double wall = (System.nanoTime() - started) / 1e9;
            String status = "";
            if (e instanceof TimeoutException || e != null && e.getCause() instanceof TimeoutException) {
                thread.interrupt();
                status = "timed out after " + limit.toSeconds() + " s (FLEET_TIMEOUT): the VM was slow or hung";
            } else if (e != null) {
                status = "the grader's run failed without a report: " + e;
            } else if (!Files.exists(dir.resolve("labs-report.json"))) {
                status = "the run ended without a report: see the grader's log";
            }
            return finish(vm, dir, wall, status);
        });
    }

    private static LauncherDiscoveryRequest request(Vm vm, Path dir, String mode) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.sysnerd.dockerlabs.labs"))
                .filters(includeClassNamePatterns(".*\\.Q\\d\\w*Test"))
                .configurationParameters(Map.of("labs.mode", mode, "labs.docker.host", vm.dockerHost(),
                        "labs.report.dir", dir.toString(), "labs.report.summary", ""))
                .build();
    }

    private static Outcome finish(Vm vm, Path dir, double wall, String status) {
        try {
            if (!status.isEmpty()) {
                Files.writeString(dir.resolve("fleet-status.txt"), status + "\n");
            }
            Files.writeString(dir.resolve("fleet-times.txt"),
                    String.format(Locale.ROOT, "%s wall_s=%.1f jvm=one%n", vm.name(), wall));
            return new Outcome(vm, wall, status, status.isEmpty() ? board(dir) : "");
        } catch (IOException e) {
            return new Outcome(vm, wall, "could not write " + dir + ": " + e.getMessage(), "");
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

    private static void say(Outcome outcome) {
        System.err.printf(Locale.ROOT, "grade-fleet: %s: %s%s (wall_s=%.1f, one JVM)%n", outcome.vm().name(),
                outcome.board().replace("all ", ""), outcome.status(), outcome.wallSeconds());
    }
}
