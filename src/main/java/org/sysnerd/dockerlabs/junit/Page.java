package org.sysnerd.dockerlabs.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.sysnerd.dockerlabs.subject.PageContainer;

/** Which of the page's containers a lab's parameter is, e.g. {@code @Page(WEB) Subject web}: the kit gets it for the lab. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Page {

    /** The page's container. */
    PageContainer value();
}
