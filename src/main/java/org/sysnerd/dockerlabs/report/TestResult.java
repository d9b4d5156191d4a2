package org.sysnerd.dockerlabs.report;

/** One fact of a lab: its sentence, its status, and the failure's message when it failed. */
public record TestResult(String name, LabStatus status, String message) {
}
