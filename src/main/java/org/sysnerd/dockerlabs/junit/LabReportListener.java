package org.sysnerd.dockerlabs.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.sysnerd.dockerlabs.journal.Trace;
import org.sysnerd.dockerlabs.report.CommandRecord;
import org.sysnerd.dockerlabs.report.GradedContainer;
import org.sysnerd.dockerlabs.report.LabResult;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.sysnerd.dockerlabs.report.Report;
import org.sysnerd.dockerlabs.report.ReportWriter;
import org.sysnerd.dockerlabs.report.TestResult;
import org.sysnerd.dockerlabs.subject.LabMode;

/**
 * Collects each lab's results and evidence from the JUnit Platform and writes the lab report at the end of
 * the run (registered in {@code META-INF/services}). Modelled on JUnit's {@code SummaryGeneratingListener}.
 */
public final class LabReportListener implements TestExecutionListener {

    private final Map<String, LabRecorder> labs = new ConcurrentHashMap<>();
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private volatile TestPlan plan;
    /** The run's own facts, handed over by the run when it ends; none when no lab ran. */
    private volatile RunFacts run;
    /** Where the run's report goes: the board and the files, or a caller that shows it itself (a watch). */
    private final BiConsumer<Report, ConfigurationParameters> sink;

    /** The listener JUnit registers (META-INF/services): prints the board and writes the report's files. */
    public LabReportListener() {
        this(ReportWriter::publish);
    }

    /** A listener that hands each run's report to {@code sink} instead, e.g. a watch that draws it itself. */
    public LabReportListener(BiConsumer<Report, ConfigurationParameters> sink) {
        this.sink = sink;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), Instant.now());
        labClass(id).filter(c -> c.equals(id)).ifPresent(c -> labs.computeIfAbsent(c.getUniqueId(), k -> LabRecorder.of(c, planned(c))));
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (Lab.RUN.equals(entry.getKeyValuePairs().get(Lab.KIND))) {
            run = RunFacts.fromJson(entry.getKeyValuePairs().get("json"));
            return;
        }
        labClass(id).map(c -> labs.get(c.getUniqueId())).ifPresent(lab -> {
            Map<String, String> values = entry.getKeyValuePairs();
            switch (values.getOrDefault(Lab.KIND, "")) {
                case Lab.EVIDENCE -> lab.evidence.add(values.get("text"));
                case Lab.COMMAND -> lab.commands.add(new CommandRecord(values.get("line"), values.getOrDefault("output", "")));
                case Lab.SUBJECT -> lab.subjects.add(new GradedContainer(values.get("name"), values.get("id"),
                        values.getOrDefault("image", ""), values.get("state")));
                default -> { }
            }
        });
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        labClass(id).map(c -> labs.get(c.getUniqueId())).filter(lab -> id.isTest())
                .ifPresent(lab -> {
                    lab.reported.add(id.getUniqueId());
                    lab.notChecked.add(new TestResult(id.getDisplayName(), LabStatus.NOT_CHECKED, reason));
                });
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        labClass(id).ifPresent(labClass -> {
            LabRecorder lab = labs.get(labClass.getUniqueId());
            long millis = Duration.between(started.getOrDefault(id.getUniqueId(), Instant.now()), Instant.now()).toMillis();
            if (lab == null) {
                return;
            }
            if (id.isTest()) {
                lab.reported.add(id.getUniqueId());
                lab.tests.add(new Outcome(id.getDisplayName(), result));
            } else if (labClass.equals(id)) {
                lab.classOutcome = new Outcome(id.getDisplayName(), result);
                lab.durationMs = millis;
            }
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        RunFacts run = this.run;
        if (labs.isEmpty()) {
            return;
        } else if (run == null) {
            System.err.println("docker-labs: no report: the run ended without handing over its facts (see the errors above)");
            return;
        }
        // An invalid mode blocks every lab, so it is not the learner's.
        boolean learner = LabMode.LEARNER.toString().equals(run.mode());
        List<LabResult> results = labs.values().stream().map(lab -> lab.result(learner))
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        int passed = (int) results.stream().filter(r -> r.status() == LabStatus.PASSED).count();
        Report report = new Report(Report.SCHEMA, run.runId(), run.mode(), run.startedAt(), Instant.now().toString(),
                run.engine(), run.probe(), run.preflight(), results, passed, results.size());
        sink.accept(report, testPlan.getConfigurationParameters());
        Trace.mark("report written");
        Trace.jvmStarted();
    }

    /** The lab class (a class annotated @DockerLab) that this test or container belongs to. */
    private Optional<TestIdentifier> labClass(TestIdentifier id) {
        for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
            if (at.getSource().orElse(null) instanceof ClassSource source && isLab(source)) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** The lab's facts as the plan has them, so that those its set-up stopped before are still counted. */
    private List<PlannedFact> planned(TestIdentifier labClass) {
        return plan.getDescendants(labClass).stream().filter(TestIdentifier::isTest).map(PlannedFact::of).toList();
    }

    private static boolean isLab(ClassSource source) {
        try {
            return source.getJavaClass().isAnnotationPresent(DockerLab.class);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A finished test or lab class. */
    record Outcome(String name, TestExecutionResult result) {
    }

    /** What one lab has reported so far. */
    static final class LabRecorder {
        final String id;
        final String title;
        final String verify;
        final List<String> evidence = Collections.synchronizedList(new ArrayList<>());
        final List<CommandRecord> commands = Collections.synchronizedList(new ArrayList<>());
        final List<Outcome> tests = Collections.synchronizedList(new ArrayList<>());
        final List<TestResult> notChecked = Collections.synchronizedList(new ArrayList<>());
        final List<GradedContainer> subjects = Collections.synchronizedList(new ArrayList<>());
        final Set<String> reported = ConcurrentHashMap.newKeySet();
        final List<PlannedFact> planned;
        volatile Outcome classOutcome;
        volatile long durationMs;

        private LabRecorder(String id, String title, String verify, List<PlannedFact> planned) {
            this.planned = planned;
            this.id = id;
            this.title = title;
            this.verify = verify;
        }

        static LabRecorder of(TestIdentifier labClass, List<PlannedFact> planned) {
            DockerLab lab = ((ClassSource) labClass.getSource().orElseThrow()).getJavaClass().getAnnotation(DockerLab.class);
            return new LabRecorder(lab.id(), lab.title(), lab.verify(), planned);
        }

        LabResult result(boolean learner) {
            Verdict verdict = Verdict.of(classOutcome, List.copyOf(tests));
            List<TestResult> facts = new ArrayList<>();
            for (Outcome test : List.copyOf(tests)) {
                Verdict one = Verdict.of(null, List.of(test));
                facts.add(new TestResult(test.name(), one.status(), one.message(), one.lesson()));
            }
            facts.addAll(List.copyOf(notChecked));
            facts.addAll(PlannedFact.unrun(planned, Set.copyOf(reported), verdict.status(), learner));
            return new LabResult(id, title, verdict.status(), List.copyOf(evidence), verdict.message(), verdict.hint(),
                    verdict.lesson(), verify, durationMs, facts, List.copyOf(subjects).stream().distinct().toList(), List.copyOf(commands));
        }
    }
}
