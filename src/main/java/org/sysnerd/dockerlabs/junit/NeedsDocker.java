package org.sysnerd.dockerlabs.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sysnerd.dockerlabs.preflight.Need;

/**
 * A kit test that needs a daemon and images: skipped, with the preflight's cause, where they cannot be had
 * (unlike Testcontainers' {@code disabledWithoutDocker}, which starts Ryuk to find out and may retry its pull
 * for minutes).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsDockerCondition.class)
public @interface NeedsDocker {

    /** What the test needs; by default a daemon (with Ryuk's image when Ryuk is on) and the alpine image. */
    Need[] value() default {Need.DOCKER, Need.ALPINE_IMAGE};
}
