package org.sysnerd.dockerlabs.fleet;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

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
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.sysnerd.dockerlabs.junit.LabReportListener;

/**
 * Grades a class of VMs in one JVM: the labs run against each VM's daemon through the JUnit Platform Launcher, several
 * VMs at once in one launcher session, each run with its own kit object (its {@code labs.docker.host}, {@code
 * labs.report.dir}, mode) and its own time limit; a VM that hangs holds only its own thread and slot. Writes what
 * {@code scripts/grade-fleet.sh} writes per VM
 * ({@code FLEET_DIR/<vm>/labs-report.*}, {@code fleet-status.txt} when there is no report, {@code fleet-times.txt}).
 * The learner mode only: the spec mode's containers are started by Testcontainers, whose client is one per JVM.
 *
 * <pre>java -cp ... org.sysnerd.dockerlabs.fleet.FleetGrader FLEET_DIR SOCKETS JOBS LIMIT_SECONDS</pre>
 * SOCKETS: lines {@code NAME DOCKER_HOST} (the VM's socket as this machine reaches it, e.g. a forwarded one).
 */
public final class FleetGrader {

    /** Where a VM's run writes its report until it ends within its limit. */
    static final String IN_PROGRESS = ".in-progress";

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

    /** How one VM's grading goes: its outcome (at the run's end or at its limit) and the end of its thread (maybe later). */
    record Grading(CompletableFuture<Outcome> outcome, CompletableFuture<Void> ended) {
    }

    /** A run of the labs that writes its report's files into the directory it is given. */
    interface Run {
        void into(Path reportDir) throws Exception;
    }

    /** Starts one VM's grading (e.g. {@link #grade}). */
    interface Start {
        Grading grading(Vm vm) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        Path fleet = Path.of(args[0]);
        List<Vm> vms = Vm.parse(Files.readAllLines(Path.of(args[1])));
        int jobs = Integer.parseInt(args[2]);
        Duration limit = Duration.ofSeconds(Long.parseLong(args[3]));
        String mode = System.getProperty("labs.mode", "learner");
        // One launcher session for the class: the run's exit guard is armed once per session (KitRun), not once per VM;
        // each execution still has its own root store, so its own KitRun. A listener per run: it holds that run's labs.
        try (LauncherSession session = LauncherFactory.openSession(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build())) {
            int passedAll = 0;
            for (CompletableFuture<Outcome> graded : gradeAll(vms, jobs,
                    vm -> grade(vm, fleet.resolve(vm.name()), limit, labs(session.getLauncher(), vm, mode)))) {
                Outcome outcome = graded.join();
                passedAll += outcome.status().isEmpty() && outcome.board().startsWith("all ") ? 1 : 0;
            }
            System.err.printf("fleet-grader: %d VMs graded in one JVM, %d with every lab passed%n", vms.size(), passedAll);
        }
        System.exit(0); // a hung VM's run may still hold a thread: its clean-up runs in the shutdown hooks
    }

    /**
     * Starts every VM's grading, at most {@code jobs} runs under way at once: a VM's slot is freed when its run's thread
     * ends, not at its limit (interrupting a thread only asks it to stop), so a hung run keeps its slot and the whole
     * class's limit (FLEET_CLASS_TIMEOUT, the script's) ends a JVM that such runs fill. Each outcome is said as it comes.
     */
    static List<CompletableFuture<Outcome>> gradeAll(List<Vm> vms, int jobs, Start start) throws IOException,
            InterruptedException {
        Semaphore slots = new Semaphore(jobs);
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (Vm vm : vms) {
            slots.acquire();
            Grading grading = start.grading(vm);
            grading.ended().whenComplete((done, e) -> slots.release());
            grading.outcome().thenAccept(FleetGrader::say);
            all.add(grading.outcome());
        }
        return all;
    }

    /** The labs against one VM, through a launcher of the class's session, with a listener of the run's own. */
    static Run labs(Launcher launcher, Vm vm, String mode) {
        return reportDir -> launcher.execute(request(vm, reportDir, mode), new LabReportListener());
    }

    /**
     * Runs one VM's run on a thread of its own, bounded by the limit; its outcome never completes exceptionally. The run
     * writes its report into a directory of its own ({@value #IN_PROGRESS}), moved beside the fleet's files only when it
     * ends within its limit: a run that ends after it never has its late report graded next to its "timed out".
     */
    static Grading grade(Vm vm, Path dir, Duration limit, Run labs) throws IOException {
        long started = System.nanoTime();
        Path inProgress = Files.createDirectories(dir.resolve(IN_PROGRESS)); // before the limit can strike
        CompletableFuture<Void> run = new CompletableFuture<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                labs.into(inProgress);
                run.complete(null);
            } catch (Throwable e) {
                run.completeExceptionally(e);
            } finally {
                ended.complete(null);
            }
        }, "fleet-" + vm.name());
        thread.setDaemon(true);
        thread.start();
        CompletableFuture<Outcome> outcome = run.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS).handle((ok, e) -> {
            double wall = (System.nanoTime() - started) / 1e9;
            String status = "";
            if (e instanceof TimeoutException || e != null && e.getCause() instanceof TimeoutException) {
                thread.interrupt();
                status = "timed out after " + limit.toSeconds() + " s (FLEET_TIMEOUT): the VM was slow or hung";
            } else if (e != null) {
                status = "the grader's run failed without a report: " + e;
            } else if (!VmFiles.moveReport(inProgress, dir)) {
                status = "the run ended without a report: see the grader's log";
            }
            return VmFiles.finish(vm, dir, wall, status);
        });
        return new Grading(outcome, ended);
    }

    private static LauncherDiscoveryRequest request(Vm vm, Path dir, String mode) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.sysnerd.dockerlabs.labs"))
                .filters(includeClassNamePatterns(".*\\.Q\\d\\w*Test"))
                .configurationParameters(Map.of("labs.mode", mode, "labs.docker.host", vm.dockerHost(),
                        "labs.report.dir", dir.toString(), "labs.report.summary", ""))
                .build();
    }

    private static void say(Outcome outcome) {
        System.err.printf(Locale.ROOT, "grade-fleet: %s: %s%s (wall_s=%.1f, one JVM)%n", outcome.vm().name(),
                outcome.board().replace("all ", ""), outcome.status(), outcome.wallSeconds());
    }
}
