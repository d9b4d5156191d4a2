package org.sysnerd.dockerlabs.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.journal.Journal;

/** How what a lab records reaches the report: JUnit's reporting entries, of the kinds below, filed under the running lab. */
final class Lab {

    /** Report-entry key that says what an entry is: one of the kinds below. */
    static final String KIND = "kind";
    /** A line of evidence: {@code text}. */
    static final String EVIDENCE = "evidence";
    /** A command the kit ran: {@code line} and its {@code output}. */
    static final String COMMAND = "command";
    /** A learner's container the lab graded: {@code name}, {@code id}, {@code image}, {@code state}. */
    static final String SUBJECT = "subject";
    /** The run's own facts, on the run's root: {@code json} ({@link RunFacts}). */
    static final String RUN = "run";

    private Lab() {
    }

    /** The lab's journal: each command run on its behalf, filed under it. */
    static Journal journal(ExtensionContext lab) {
        return (command, output) -> publish(lab, Map.of(KIND, COMMAND, "line", command, "output", String.valueOf(output)));
    }

    /** Records the learner's container that the lab grades. */
    static void subject(ExtensionContext context, InspectedContainer container) {
        publish(context, Map.of(KIND, SUBJECT, "name", container.name(), "id", container.id(), "image", container.image(),
                "state", container.state().toString()));
    }

    /** Files the entry under the running lab; JUnit takes no blank value, so an empty one (no output) is left out. */
    static void publish(ExtensionContext context, Map<String, String> entry) {
        Map<String, String> values = new LinkedHashMap<>(entry);
        values.values().removeIf(String::isBlank);
        context.publishReportEntry(values);
    }
}
