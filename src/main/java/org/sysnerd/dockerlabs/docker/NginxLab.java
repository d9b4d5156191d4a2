package org.sysnerd.dockerlabs.docker;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.sysnerd.dockerlabs.probe.Http;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/** The lab page's {@code docker run -d --name web nginx}: nginx serving its welcome page on port 80. */
public final class NginxLab extends LabContainer<NginxLab> {

    /** The port nginx listens on inside the container. */
    public static final int HTTP_PORT = 80;
    /** Text of nginx's default page. */
    public static final String WELCOME = "Welcome to nginx!";

    private static final NginxLab WEB = new NginxLab("shared").sharedAmongLabs();

    /**
     * The lab page's {@code docker run -d --name web nginx}: one container that Q1, Q2 and Q4 all look at,
     * as the page's learner does. Started by the first lab that needs it, removed when the run ends.
     */
    public static NginxLab web() {
        return WEB;
    }

    /** nginx for this lab, not published. */
    public NginxLab(String lab) {
        super(LabImage.NGINX, lab, "web");
    }

    /** Publishes port 80 on a free host port ({@code -p 80}, never a fixed one) and waits until nginx answers. */
    public NginxLab publishingHttp() {
        withExposedPorts(HTTP_PORT);
        waitingFor(new NginxAnswers());
        return this;
    }

    /**
     * Waits until nginx answers on the published port, polling every 50 ms (Testcontainers' HTTP wait is
     * rate-limited to one try a second), and gives up at once if the container stops.
     */
    private static final class NginxAnswers extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {
            int port = waitStrategyTarget.getMappedPort(HTTP_PORT);
            await("nginx to answer on " + waitStrategyTarget.getHost() + ":" + port).atMost(startupTimeout)
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("the container stopped", () -> !waitStrategyTarget.isRunning())
                    .until(() -> Http.answers(waitStrategyTarget.getHost(), port));
        }
    }

    /** The host port that port 80 is published on. */
    public int publishedPort() {
        return getMappedPort(HTTP_PORT);
    }
}
