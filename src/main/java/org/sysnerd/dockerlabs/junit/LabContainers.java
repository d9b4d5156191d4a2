package org.sysnerd.dockerlabs.junit;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sysnerd.dockerlabs.docker.LabContainer;
import org.sysnerd.dockerlabs.docker.MemoryHog;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.LearnerSubject;
import org.sysnerd.dockerlabs.subject.PageContainer;
import org.sysnerd.dockerlabs.subject.Subject;
import org.sysnerd.dockerlabs.subject.SuiteSubject;
import org.testcontainers.lifecycle.Startables;

/**
 * A lab's containers, the page's ones its methods take as {@link Page} parameters (and Q6's {@link MemoryHog}, for its
 * spec-only fact), kept in the lab's store: the suite's own are started together before its facts (Testcontainers'
 * own extension starts them one by one) and removed when the lab ends, a container shared by several labs (the
 * page's {@code web}) when the last of them ends; the learner's are looked for.
 */
final class LabContainers {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabContainers.class);

    private final Map<PageContainer, Subject> subjects;
    private final MemoryHog hog;
    private final Journal journal;
    private final List<LabContainer<?>> held = new ArrayList<>();
    /** The host's facts as this lab reads them, one view for all its facts; guarded by this. */
    private HostFacts host;

    private LabContainers(Map<PageContainer, Subject> subjects, MemoryHog hog, Journal journal) {
        this.subjects = subjects;
        this.hog = hog;
        this.journal = journal;
    }

    /** The lab's containers for this run, made from what its methods take when first asked, kept in the lab's store. */
    static LabContainers of(ExtensionContext context) {
        ExtensionContext lab = context;
        while (lab.getTestMethod().isPresent()) {
            lab = lab.getParent().orElseThrow();
        }
        ExtensionContext labContext = lab;
        return lab.getStore(NAMESPACE).computeIfAbsent(LabContainers.class,
                key -> make(labContext, KitRun.of(labContext)), LabContainers.class);
    }

    private static LabContainers make(ExtensionContext context, KitRun kit) {
        String lab = labId(context);
        Journal journal = Lab.journal(context);
        Map<PageContainer, Subject> subjects = new EnumMap<>(PageContainer.class);
        boolean hog = false;
        for (Parameter parameter : parameters(context.getRequiredTestClass())) {
            Page page = parameter.getAnnotation(Page.class);
            if (page != null) {
                subjects.computeIfAbsent(page.value(), container -> kit.subjects().of(container, lab).journaling(journal));
            }
            hog |= parameter.getType() == MemoryHog.class;
        }
        return new LabContainers(subjects, hog ? kit.subjects().memoryHog(lab, journal) : null, journal);
    }

    /** The lab's containers, unless the lab was blocked before they were made (in its class's context). */
    static Optional<LabContainers> ifMade(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(LabContainers.class, LabContainers.class));
    }

    /** Where the commands run on the lab's behalf are recorded: under the lab. */
    Journal journal() {
        return journal;
    }

    /** The host's facts, recorded in the lab's journal: one view for every fact of the lab, which reads once what it shares. */
    synchronized HostFacts host(KitRun kit) {
        if (host == null) {
            host = kit.host().journaling(journal);
        }
        return host;
    }

    /** The page's container, as the lab's parameter. */
    Subject subject(PageContainer container) {
        return subjects.get(container);
    }

    /** Q6's allocation, or null in the learner mode. */
    MemoryHog hog() {
        return hog;
    }

    /** Starts the suite's containers at once; a failure to start is the failure of the lab. */
    void start() {
        List<LabContainer<?>> containers = suiteContainers();
        containers.stream().filter(LabContainer::shared).forEach(container -> {
            container.hold();
            held.add(container);
        });
        try {
            Startables.deepStart(containers).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Finds the learner's containers; one that is not there as the page leaves it fails the lab, with the lesson, or,
     * when another lab's task makes it, with the word that this lab needs that lab's container.
     */
    void find(ExtensionContext context) {
        for (Subject subject : subjects.values()) {
            if (subject instanceof LearnerSubject learners) {
                Lab.subject(context, learners.findFor(labId(context)));
            }
        }
    }

    /**
     * Removes the lab's own containers and lets go of the shared ones it held, all at once: each {@code docker rm -f}
     * is a kill and a removal the daemon does in its own time, and one after another they added up at every lab's end.
     * Each removal is filed under the lab, as the lab's own step.
     */
    void stop() {
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        for (LabContainer<?> container : suiteContainers()) {
            if (!container.shared()) {
                removals.add(inItsOwnThread(() -> container.stop(journal)));
            } else if (held.contains(container)) {
                removals.add(inItsOwnThread(() -> container.release(journal)));
            }
        }
        awaitAll(removals);
    }

    /** Runs the step in a thread of its own (what it records goes to the lab's journal). */
    private static CompletableFuture<Void> inItsOwnThread(Runnable step) {
        return CompletableFuture.runAsync(step, task -> {
            Thread thread = new Thread(task, "docker-labs-removal");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Waits for every removal (each is bounded by LabContainer.STOP_LIMIT); the first that failed is the lab's failure. */
    private static void awaitAll(List<CompletableFuture<Void>> removals) {
        RuntimeException failed = null;
        for (CompletableFuture<Void> removal : removals) {
            try {
                removal.get(LabContainer.STOP_LIMIT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                failed = failed != null ? failed : e.getCause() instanceof RuntimeException cause ? cause
                        : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                failed = failed != null ? failed : new IllegalStateException("a container of the lab was not removed within "
                        + LabContainer.STOP_LIMIT.multipliedBy(2).toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = failed != null ? failed : new IllegalStateException("interrupted while removing the lab's containers");
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** The suite's containers of the lab: none in the learner mode. */
    private List<LabContainer<?>> suiteContainers() {
        List<LabContainer<?>> containers = new ArrayList<>(subjects.values().stream().filter(SuiteSubject.class::isInstance)
                .<LabContainer<?>>map(s -> ((SuiteSubject) s).container()).toList());
        if (hog != null) {
            containers.add(hog);
        }
        return containers;
    }

    /** Every parameter of the lab's methods and constructors. */
    private static List<Parameter> parameters(Class<?> lab) {
        return Stream.concat(Stream.of(lab.getDeclaredMethods()), Stream.of(lab.getDeclaredConstructors()))
                .map(Executable::getParameters).flatMap(Stream::of).toList();
    }

    private static String labId(ExtensionContext context) {
        return context.getRequiredTestClass().getAnnotation(DockerLab.class).id();
    }
}
