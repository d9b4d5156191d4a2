package org.sysnerd.dockerlabs.report;

/** A command the suite ran for a lab (or the shell equivalent of a file it read), with its output. */
public record CommandRecord(String command, String output) {
}
