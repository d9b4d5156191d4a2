package org.sysnerd.dockerlabs.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
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
 */
final class LabContainers {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabContainers.class);
    private static final String HELD = "held";

    private LabContainers() {
    }

    /** Starts the suite's containers at once; a failure to start is the failure of the lab. */
    static void start(ExtensionContext context) {
        List<Subject> subjects = of(context.getRequiredTestClass());
        List<LabContainer<?>> containers = suiteContainers(subjects);
        List<LabContainer<?>> held = containers.stream().filter(LabContainer::shared).toList();
        held.forEach(LabContainer::hold);
        context.getStore(NAMESPACE).put(HELD, held);
        try {
            Startables.deepStart(containers).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Finds the learner's containers; one that is not there as the page leaves it fails the lab, with the lesson. */
    static void find(ExtensionContext context) {
        for (Subject subject : of(context.getRequiredTestClass())) {
            if (subject instanceof LearnerSubject learners) {
                Lab.subject(learners.find());
            }
        }
    }

    /**
     * Removes the lab's own containers and lets go of the shared ones it held, one by one in the lab's thread:
     * each {@code docker rm -f} is the lab's evidence, and another thread would file it under another lab.
     */
    static void stop(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        List<LabContainer<?>> held = context.getStore(NAMESPACE).getOrDefault(HELD, List.class, List.of());
        suiteContainers(of(context.getRequiredTestClass())).forEach(container -> {
            if (!container.shared()) {
                container.stop();
            } else if (held.contains(container)) {
                container.release();
            }
        });
    }

    private static List<LabContainer<?>> suiteContainers(List<Subject> subjects) {
        return subjects.stream().filter(SuiteSubject.class::isInstance)
                .<LabContainer<?>>map(s -> ((SuiteSubject) s).container()).toList();
    }

    private static List<Subject> of(Class<?> lab) {
        List<Subject> subjects = new ArrayList<>();
        for (Field field : lab.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Subject.class.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    subjects.add((Subject) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read the lab's container field " + field, e);
                }
            }
        }
        return subjects;
    }
}
