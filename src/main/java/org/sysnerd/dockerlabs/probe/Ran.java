package org.sysnerd.dockerlabs.probe;

/** What one command did on a host (testinfra's CommandResult): the line that ran, its exit code and its output. */
public record Ran(String command, long exitCode, String stdout, String stderr) {
}
