package org.sysnerd.dockerlabs.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.probe.HostFacts;

/** What a lab's test code uses of the kit: the host's facts, and the evidence it records for the report. */
public final class Lab {

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

    private static final ThreadLocal<ExtensionContext> CURRENT = new ThreadLocal<>();

    static {
        Journal.sendTo((command, output) -> publish(Map.of(KIND, COMMAND, "line", command, "output", String.valueOf(output))));
    }

    private Lab() {
    }

    /** The host the daemon runs on, read with the probe the preflight chose for this run. */
    public static HostFacts host() {
        ExtensionContext context = CURRENT.get();
        if (context == null) {
            throw new HostFactUnavailable("no lab is running on this thread: the host is read by a lab's facts");
        }
        return KitRun.of(context).host();
    }

    /** Records what the lab saw, e.g. {@code container PID 4242: net:[4026532183] vs host net:[4026531833]}. */
    public static void evidence(String format, Object... args) {
        publish(Map.of(KIND, EVIDENCE, "text", String.format(format, args)));
    }

    /** Records the learner's container that the lab grades. */
    static void subject(InspectedContainer container) {
        publish(Map.of(KIND, SUBJECT, "name", container.name(), "id", container.id(), "image", container.image(),
                "state", container.state().toString()));
    }

    /** Files the entry under the running lab; JUnit takes no blank value, so an empty one (no output) is left out. */
    private static void publish(Map<String, String> entry) {
        ExtensionContext context = CURRENT.get();
        if (context != null) {
            Map<String, String> values = new LinkedHashMap<>(entry);
            values.values().removeIf(String::isBlank);
            context.publishReportEntry(values);
        }
    }

    static void enter(ExtensionContext context) {
        CURRENT.set(context);
    }

    static void leave() {
        CURRENT.remove();
    }
}
