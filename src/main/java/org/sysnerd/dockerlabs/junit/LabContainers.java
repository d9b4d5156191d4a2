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
 * removed when the run ends.
 */
final class LabContainers {

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(LabContainers.class);

    private LabContainers() {
    }

    /** Starts the lab class's containers at once; a failure to start is the failure of the lab. */
    static void start(ExtensionContext context) {
        List<LabContainer<?>> containers = of(context.getRequiredTestClass());
        for (LabContainer<?> container : containers) {
            if (container.shared()) {
                context.getRoot().getStore(SHARED).computeIfAbsent(container.name(), k -> (AutoCloseable) container::stop);
            }
        }
        try {
            Startables.deepStart(containers).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Removes the lab's own containers, together. */
    static void stop(ExtensionContext context) {
        of(context.getRequiredTestClass()).parallelStream().filter(c -> !c.shared()).forEach(LabContainer::stop);
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
