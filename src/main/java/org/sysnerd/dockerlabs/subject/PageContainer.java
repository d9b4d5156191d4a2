package org.sysnerd.dockerlabs.subject;

/** The lab page's containers that the labs look at: the suite's own in the spec mode, the learner's otherwise. */
public enum PageContainer {
    /** {@code docker run -d --name web nginx}, which Q1, Q2 and Q4 look at. */
    WEB,
    /** {@code docker run -d -p 8080:80 nginx} (the suite publishes a free port). */
    PUBLISHED_NGINX,
    /** {@code docker run --name gone alpine}, which exits at once. */
    EXITS_AT_ONCE,
    /** {@code docker run -d --name stayup alpine sleep 1000}, which stays up. */
    STAYS_UP,
    /** {@code docker run -d --name limited --memory 64m --cpus 0.5 nginx} (beyond the page). */
    LIMITED_NGINX
}
