package org.sysnerd.dockerlabs.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sysnerd.dockerlabs.docker.LabContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.lifecycle.Startables;

/**
 * Starts a lab's {@code @Container} fields together (Testcontainers' own extension starts them one by one),
 * and removes them when the lab ends; a container shared by several labs (the page's {@code web}) is
 * removed when the last of them ends.
 */
final class LabContainers {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabContainers.class);
    private static final String HELD = "held";

    private LabContainers() {
    }

    /** Starts the lab class's containers at once; a failure to start is the failure of the lab. */
    static void start(ExtensionContext context) {
        List<LabContainer<?>> containers = of(context.getRequiredTestClass());
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
     * Removes the lab's own containers and lets go of the shared ones it held, one by one in the lab's thread:
     * each {@code docker rm -f} is the lab's evidence, and another thread would file it under another lab.
     */
    static void stop(ExtensionContext context) {
        List<LabContainer<?>> containers = of(context.getRequiredTestClass());
        @SuppressWarnings("unchecked")
        List<LabContainer<?>> held = context.getStore(NAMESPACE).getOrDefault(HELD, List.class, List.of());
        containers.forEach(container -> {
            if (!container.shared()) {
                container.stop();
            } else if (held.contains(container)) {
                container.release();
            }
        });
    }

    private static List<LabContainer<?>> of(Class<?> lab) {
        List<LabContainer<?>> containers = new ArrayList<>();
        for (Field field : lab.getDeclaredFields()) {
            if (field.isAnnotationPresent(Container.class) && Modifier.isStatic(field.getModifiers())
                    && LabContainer.class.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    containers.add((LabContainer<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read @Container field " + field, e);
                }
            }
        }
        return containers;
    }
}
