package org.sysnerd.dockerlabs.report;

/**
 * One fact of a lab: its sentence, its status, and the failure's message when it failed.
 *
 * @param lesson a failed fact's parts (its message is their text); null when the message is no lesson
 */
public record TestResult(String name, LabStatus status, String message, Lesson lesson) {

    /** A fact whose message is no lesson: passed, not checked, blocked, or failed with an error. */
    public TestResult(String name, LabStatus status, String message) {
        this(name, status, message, null);
    }
}
