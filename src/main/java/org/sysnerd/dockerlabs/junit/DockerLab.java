package org.sysnerd.dockerlabs.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sysnerd.dockerlabs.preflight.Need;

/**
 * Marks a lab: a test class whose {@code @DisplayName} is the lab's number and title
 * ({@code "Q3 · Publishing a port is DNAT"}). The lab kit checks the host first, then starts the
 * lab's static {@code @Container} fields together, and the lab's evidence goes to the report.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LabExtension.class)
public @interface DockerLab {

    /** The lab page's "verify it yourself" command. */
    String verify();

    /** What the lab needs of the host; the preflight blocks it, with the fix, when one is missing. */
    Need[] needs();
}
