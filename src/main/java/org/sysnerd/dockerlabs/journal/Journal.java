package org.sysnerd.dockerlabs.journal;

/**
 * Where the commands the kit runs on a lab's behalf go (or their shell equivalent, for a file it reads), with their
 * output, so that the report can list them for a learner to replay by hand: one for each lab, made by the JUnit glue.
 */
@FunctionalInterface
public interface Journal {

    /** A journal that keeps nothing: the preflight's commands are no lab's evidence. */
    Journal NONE = (command, output) -> { };

    /** Records a command line and what it printed. */
    void record(String command, String output);
}
