package org.sysnerd.dockerlabs.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sysnerd.dockerlabs.preflight.Need;

/**
 * Marks a lab: a test class whose {@code @DisplayName} is the lab's id and title
 * ({@code "Q3 · Publishing a port is DNAT"}). The lab kit checks the host first, then gets the lab's static
 * {@link org.sysnerd.dockerlabs.subject.Subject} fields (the suite's containers, started together, or the
 * learner's, looked for), and the lab's evidence goes to the report.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({LabExtension.class, LabParameters.class})
public @interface DockerLab {

    /** The lab's id on the page, e.g. {@code Q3}: graders select and count labs by it. */
    String id();

    /** The lab's title on the page, e.g. {@code Publishing a port is DNAT}. */
    String title();

    /** The lab page's "verify it yourself" command. */
    String verify();

    /** What the lab needs of the host; the preflight blocks it, with the fix, when one is missing. */
    Need[] needs();
}
