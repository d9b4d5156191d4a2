package org.sysnerd.dockerlabs.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fact that can only be shown by changing the container (removing it, writing into it): checked on the
 * suite's own containers, never on the learner's, where the report lists it as not checked, with the reason.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SpecOnly {

    /** Why it is not checked on the learner's container, e.g. "it would remove your container". */
    String value();
}
