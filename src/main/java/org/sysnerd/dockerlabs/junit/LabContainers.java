package org.sysnerd.dockerlabs.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sysnerd.dockerlabs.docker.LabContainer;
import org.sysnerd.dockerlabs.subject.LearnerSubject;
import org.sysnerd.dockerlabs.subject.Subject;
import org.sysnerd.dockerlabs.subject.SuiteSubject;
import org.testcontainers.lifecycle.Startables;

/**
 * Gets a lab's containers (its static {@link Subject} fields) before its facts: the suite's own are started
 * together (Testcontainers' own extension starts them one by one) and removed when the lab ends, a container
 * shared by several labs (the page's {@code web}) when the last of them ends; the learner's are looked for.
 * A lab's static {@link LabContainer} fields that are no subject serve its spec-only facts (Q6's allocation):
 * they are started in the spec mode only, since the learner mode starts no container of the suite's for a lab.
 */
final class LabContainers {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabContainers.class);
    private static final String HELD = "held";

    private LabContainers() {
    }

    /** Starts the suite's containers at once; a failure to start is the failure of the lab. */
    static void start(ExtensionContext context) {
        if (!KitRun.of(context).startsLabContainers()) {
            return; // the learner mode: nothing of Testcontainers' is needed
        }
        List<LabContainer<?>> containers = suiteContainers(context.getRequiredTestClass());
        List<LabContainer<?>> held = containers.stream().filter(LabContainer::shared).toList();
        held.forEach(LabContainer::hold);
        context.getStore(NAMESPACE).put(HELD, held);
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
    static void find(ExtensionContext context) {
        String lab = context.getRequiredTestClass().getAnnotation(DockerLab.class).id();
        for (Subject subject : of(context.getRequiredTestClass())) {
            if (subject instanceof LearnerSubject learners) {
                Lab.subject(learners.findFor(lab));
            }
        }
    }

    /**
     * Removes the lab's own containers and lets go of the shared ones it held, all at once: each {@code docker rm -f}
     * is a kill and a removal the daemon does in its own time, and one after another they added up at every lab's end.
     * Each removal is filed under the lab (its thread enters the lab's context), as the lab's own step.
     */
    static void stop(ExtensionContext context) {
        if (!KitRun.of(context).startsLabContainers()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<LabContainer<?>> held = context.getStore(NAMESPACE).getOrDefault(HELD, List.class, List.of());
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        for (LabContainer<?> container : suiteContainers(context.getRequiredTestClass())) {
            if (!container.shared()) {
                removals.add(asTheLab(context, container::stop));
            } else if (held.contains(container)) {
                removals.add(asTheLab(context, container::release));
            }
        }
        awaitAll(removals);
    }

    /** Runs the step in a thread of its own, filing what it records under the lab. */
    private static CompletableFuture<Void> asTheLab(ExtensionContext context, Runnable step) {
        return CompletableFuture.runAsync(() -> {
            Lab.enter(context);
            try {
                step.run();
            } finally {
                Lab.leave();
            }
        }, task -> {
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

    /** The suite's containers of the lab, asked in the spec mode only. */
    private static List<LabContainer<?>> suiteContainers(Class<?> lab) {
        List<LabContainer<?>> containers = new ArrayList<>(of(lab).stream().filter(SuiteSubject.class::isInstance)
                .<LabContainer<?>>map(s -> ((SuiteSubject) s).container()).toList());
        fields(lab, LabContainer.class).forEach(containers::add);
        return containers;
    }

    private static List<Subject> of(Class<?> lab) {
        return fields(lab, Subject.class);
    }

    /** The lab class's static fields of this type. */
    private static <T> List<T> fields(Class<?> lab, Class<T> type) {
        List<T> values = new ArrayList<>();
        for (Field field : lab.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && type.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    values.add(type.cast(field.get(null)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read the lab's container field " + field, e);
                }
            }
        }
        return values;
    }
}
