package org.sysnerd.dockerlabs.watch;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.sysnerd.dockerlabs.junit.LabReportListener;
import org.sysnerd.dockerlabs.report.Report;

/**
 * One check of every lab in the learner mode, as {@code ./mvnw test} grades: the labs run again in this JVM through
 * the JUnit Platform's launcher, in one launcher session for the watch's life, and the report comes back to the watch
 * instead of being printed and written (the listener JUnit would register from META-INF/services is left out).
 */
final class Recheck implements AutoCloseable {

    static final String LABS = "org.sysnerd.dockerlabs.labs";

    private final LauncherSession session = LauncherFactory.openSession(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false).build());
    private final String reportDir;

    /** Checks with reports (none written) whose run parameters name {@code reportDir}. */
    Recheck(String reportDir) {
        this.reportDir = reportDir;
    }

    /** Runs every lab once; the run's report, or null when the run ended without handing over its facts. */
    Report run() {
        AtomicReference<Report> report = new AtomicReference<>();
        session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(LABS))
                .filters(includeClassNamePatterns(".*\\.Q\\d\\w*Test"))
                .configurationParameters(Map.of("labs.mode", "learner", "labs.report.dir", reportDir,
                        // One probe, and its helper container where one is needed, for every check of the watch.
                        "labs.probe.keep", "session",
                        // JUnit's default executor, named, so that it does not log its note on it at every check.
                        "junit.jupiter.execution.parallel.config.executor-service", "FORK_JOIN_POOL"))
                .build(), new LabReportListener((done, parameters) -> report.set(done)));
        return report.get();
    }

    @Override
    public void close() {
        session.close();
    }
}
