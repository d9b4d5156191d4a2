package org.sysnerd.dockerlabs.preflight;

import java.util.Locale;
import org.sysnerd.dockerlabs.docker.LabImage;
import org.sysnerd.dockerlabs.docker.TestcontainersImages;

/** What an image that cannot be had blocks, and its fix, chosen from the registry's answer. */
final class Images {

    private static final String RYUK_OFF = "set TESTCONTAINERS_RYUK_DISABLED=true (the suite removes its own containers "
            + "without Testcontainers' reaper)";

    private static final String HOST_OVERRIDE = "set TESTCONTAINERS_HOST_OVERRIDE=localhost (inside a container, "
            + "Testcontainers otherwise starts this image to find the daemon's gateway)";

    private Images() {
    }

    /** True for an image Testcontainers itself starts before any lab container (Ryuk, the gateway look-up). */
    static boolean testcontainers(String image) {
        return TestcontainersImages.RYUK.equals(image) || TestcontainersImages.GATEWAY.equals(image);
    }

    /** The need an image stands for: Testcontainers' own are needed before any container starts, like Docker itself. */
    static Need need(String image) {
        if (testcontainers(image)) {
            return Need.DOCKER;
        }
        return "alpine".equals(image) ? Need.ALPINE_IMAGE : Need.NGINX_IMAGE;
    }

    /** The fix for this image and this answer. */
    static String fix(String image, ImageProblem problem) {
        boolean refused = problem.cause() == ImageProblem.Cause.RATE_LIMITED
                || problem.cause() == ImageProblem.Cause.UNAUTHORIZED;
        if (testcontainers(image)) {
            return (refused ? "log in to the registry (`docker login`), or " : "")
                    + (TestcontainersImages.RYUK.equals(image) ? RYUK_OFF : HOST_OVERRIDE);
        }
        LabImage lab = LabImage.valueOf(image.toUpperCase(Locale.ROOT));
        String override = lab.environmentVariable() + " (or -D" + lab.property() + ")";
        String standIn = "build the stand-ins (`scripts/build-standin-images.sh`) and set " + lab.environmentVariable()
                + "=" + lab.standIn();
        return switch (problem.cause()) {
            case BAD_NAME -> "set " + override + " to an image name, e.g. " + lab.standIn();
            case NOT_FOUND -> "fix the image name in " + override + ", or " + standIn;
            case RATE_LIMITED, UNAUTHORIZED -> "log in to the registry (`docker login`), or " + standIn;
            default -> "no registry answers here: " + standIn + " (or -D" + lab.property() + "=" + lab.standIn() + ")";
        };
    }
}
