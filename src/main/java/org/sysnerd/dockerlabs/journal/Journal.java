package org.sysnerd.dockerlabs.journal;

import java.util.function.BiConsumer;

/**
 * Every command the kit runs on a lab's behalf (or its shell equivalent, for a file it reads), with
 * its output, so that the report can list them for a learner to replay by hand.
 */
public final class Journal {

    private static volatile BiConsumer<String, String> sink = (command, output) -> { };

    private Journal() {
    }

    /** Records a command line and what it printed. */
    public static void record(String command, String output) {
        sink.accept(command, output);
    }

    /** Where records go (the JUnit glue files them under the running lab). */
    public static void sendTo(BiConsumer<String, String> newSink) {
        sink = newSink;
    }
}
