package org.sysnerd.dockerlabs.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.sysnerd.dockerlabs.probe.Host;
import org.sysnerd.dockerlabs.probe.ProbeChoice;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.probe.Journal;

/** What a lab's test code uses of the kit: the host's facts, and the evidence it records for the report. */
public final class Lab {

    /** Report-entry key of a line of evidence. */
    public static final String EVIDENCE = "evidence";
    /** Report-entry key of a command the kit ran, followed by a newline and its output. */
    public static final String COMMAND = "command";

    private static final ThreadLocal<ExtensionContext> CURRENT = new ThreadLocal<>();
    private static volatile HostFacts host;

    static {
        Journal.sendTo((command, output) -> publish(COMMAND, command + "\n" + output));
    }

    private Lab() {
    }

    /** The host the daemon runs on, read with the probe chosen for this run. */
    public static HostFacts host() {
        if (host == null) {
            use(ProbeChoice.choose());
        }
        return host;
    }

    /** Reads the host with this probe from now on (the preflight chooses it). */
    static void use(Host probe) {
        host = new HostFacts(probe);
    }

    /** Records what the lab saw, e.g. {@code container PID 4242: net:[4026532183] vs host net:[4026531833]}. */
    public static void evidence(String format, Object... args) {
        publish(EVIDENCE, String.format(format, args));
    }

    private static void publish(String key, String value) {
        ExtensionContext context = CURRENT.get();
        if (context != null) {
            context.publishReportEntry(key, value);
        }
    }

    static void enter(ExtensionContext context) {
        CURRENT.set(context);
    }

    static void leave() {
        CURRENT.remove();
    }
}
