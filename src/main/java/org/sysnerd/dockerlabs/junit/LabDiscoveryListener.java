package org.sysnerd.dockerlabs.junit;

import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.sysnerd.dockerlabs.journal.Trace;

/**
 * Begins the preflight while JUnit discovers the tests, as soon as a lab is among the selected classes
 * (registered in {@code META-INF/services}): connecting to Docker then overlaps discovery instead of
 * following it. A run without a lab never talks to Docker.
 */
public final class LabDiscoveryListener implements LauncherDiscoveryListener {

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        boolean labSelected = request.getSelectorsByType(ClassSelector.class).stream()
                .anyMatch(selector -> isLab(selector.getClassName()))
                || request.getSelectorsByType(MethodSelector.class).stream()
                        .anyMatch(selector -> isLab(selector.getClassName()));
        Trace.mark("discovery start");
        if (labSelected) {
            LabSession.beginPreflight();
        }
    }

    private static boolean isLab(String className) {
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader())
                    .isAnnotationPresent(DockerLab.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
