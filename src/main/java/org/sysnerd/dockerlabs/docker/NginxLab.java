package org.sysnerd.dockerlabs.docker;

/** The lab page's {@code docker run -d --name web nginx}: nginx serving its welcome page on port 80. */
public final class NginxLab extends LabContainer<NginxLab> {

    /** The port nginx listens on inside the container. */
    public static final int HTTP_PORT = 80;
    /** Text of nginx's default page. */
    public static final String WELCOME = "Welcome to nginx!";

    /**
     * The lab page's {@code docker run -d --name web nginx}: one container that Q1, Q2 and Q4 all look at,
     * as the page's learner does. Started by the first lab that needs it, removed when the last one ends.
     */
    public static NginxLab web(LabRun run) {
        return new NginxLab(run, "shared").sharedAmongLabs();
    }

    /** nginx for this lab, not published. */
    public NginxLab(LabRun run, String lab) {
        super(run, LabImage.NGINX, lab, "web");
    }

    /**
     * Publishes port 80 on a free host port ({@code -p 80}, never a fixed one). The container counts as started
     * once it runs: the lab's request waits for nginx to answer, and its first look, the DNAT rule, need not.
     */
    public NginxLab publishingHttp() {
        withExposedPorts(HTTP_PORT);
        return notWaitingForItsService();
    }
}
