package org.sysnerd.dockerlabs.junit;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a lab saw, filed under its running fact for the report through JUnit's reporting entries (as JUnit's
 * {@code TestReporter} files them); a parameter of the lab's methods.
 */
public final class Evidence {

    private final ExtensionContext context;

    Evidence(ExtensionContext context) {
        this.context = context;
    }

    /** Records what the lab saw, e.g. {@code container PID 4242: net:[4026532183] vs host net:[4026531833]}. */
    public void record(String format, Object... args) {
        Lab.publish(context, Map.of(Lab.KIND, Lab.EVIDENCE, "text", String.format(format, args)));
    }
}
