package org.sysnerd.dockerlabs.report;

/** A learner's container that a lab graded, as it was found: {@code web 3f2a… (nginx) running, PID 4242}. */
public record GradedContainer(String name, String id, String image, String state) {
}
