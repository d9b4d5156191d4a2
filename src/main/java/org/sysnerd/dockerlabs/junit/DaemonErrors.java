package org.sysnerd.dockerlabs.junit;

import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sysnerd.dockerlabs.docker.DaemonLost;
import org.sysnerd.dockerlabs.docker.ImagePull;
import org.sysnerd.dockerlabs.report.LabStatus;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.containers.ContainerLaunchException;

/** Tells the daemon's own errors, which block a lab, from anything a lab saw, which fails it. */
final class DaemonErrors {

    private static final Pattern IMAGE = Pattern.compile("for image (\\S+)");
    private DaemonErrors() {
    }

    /**
     * The network error of a Docker client, or null: the kit's own client says so with {@link DaemonLost};
     * Testcontainers' client (docker-java's transport) wraps its {@link IOException} in a plain RuntimeException,
     * told by its exact type. An error of another request (a lab's HTTP GET) is neither.
     */
    static IOException lost(Throwable thrown) {
        for (Throwable at = thrown; at != null; at = at.getCause()) {
            if (at instanceof DaemonLost lost) {
                return lost.getCause();
            }
            if (at.getClass() == RuntimeException.class && at.getCause() instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /**
     * A lab container the daemon refused to start (its API answered with an error: an OCI runtime error, a port it
     * cannot publish) or an image it could not get: blocked, quoting the daemon; null when the cause is another.
     */
    static Verdict containerNotStarted(String test, Throwable thrown) {
        ContainerLaunchException launch = Verdict.find(thrown, ContainerLaunchException.class);
        DockerException daemon = Verdict.find(thrown, DockerException.class);
        if (launch != null && daemon != null) {
            String image = image(launch);
            String said = ImagePull.daemonMessage(daemon);
            return new Verdict(LabStatus.BLOCKED, test + ": the Docker daemon could not start the container (" + image
                    + "): " + said, fix(said, image));
        }
        if (launch != null) {
            // Not started (it stopped at once, or did not run within its limit): the image or the runtime, not a fact.
            Throwable cause = launch;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return new Verdict(LabStatus.BLOCKED, test + ": the Docker daemon did not run the container (" + image(launch)
                    + "): " + cause.getMessage(), fix(String.valueOf(cause.getMessage()), image(launch)));
        }
        ContainerFetchException fetch = Verdict.find(thrown, ContainerFetchException.class);
        if (fetch != null) {
            return new Verdict(LabStatus.BLOCKED, test + ": " + fetch.getMessage() + (fetch.getCause() == null ? ""
                    : ": " + fetch.getCause().getMessage()), "check `docker image ls`, or build the stand-ins "
                    + "(scripts/build-standin-images.sh) and set LABS_IMAGE_NGINX / LABS_IMAGE_ALPINE");
        }
        return null;
    }

    private static String fix(String said, String image) {
        String same = "`docker run --rm " + image + "` shows the same error";
        if (said.contains("OCI runtime")) {
            return "the daemon's container runtime fails: " + same + "; check its runtime (`docker info -f "
                    + "'{{.DefaultRuntime}}'`, `runc --version`) and its log (`journalctl -u docker`)";
        }
        return "the daemon refuses this container: " + same + "; fix what it names, then run the labs again";
    }

    /** The image from Testcontainers' "Container startup failed for image …" (the outermost launch error). */
    private static String image(ContainerLaunchException launch) {
        Matcher matcher = IMAGE.matcher(String.valueOf(launch.getMessage()));
        return matcher.find() ? matcher.group(1) : "its image";
    }
}
