package org.sysnerd.dockerlabs.docker;

import org.sysnerd.dockerlabs.settings.Setting;
import org.testcontainers.utility.DockerImageName;

/**
 * The images the lab page names, pinned upstream. Each can be pointed at another image
 * (a local stand-in on an air-gapped host) with a system property or an environment variable.
 */
public enum LabImage {
    NGINX("nginx:1.27.4", "docker-labs-standin/nginx:debian"),
    ALPINE("alpine:3.21.3", "docker-labs-standin/alpine:busybox");

    private final DockerImageName upstream;
    private final String standIn;

    LabImage(String upstream, String standIn) {
        this.upstream = DockerImageName.parse(upstream);
        this.standIn = standIn;
    }

    /** The local stand-in that {@code scripts/build-standin-images.sh} builds for hosts without a registry. */
    public String standIn() {
        return standIn;
    }

    /** The pinned upstream image, which is what the labs ask Testcontainers for. */
    public DockerImageName upstream() {
        return upstream;
    }

    /** The system property that overrides this image, e.g. {@code labs.image.nginx}. */
    public String property() {
        return "labs.image." + name().toLowerCase();
    }

    /** The environment variable that overrides this image, e.g. {@code LABS_IMAGE_NGINX}. */
    public String environmentVariable() {
        return "LABS_IMAGE_" + name();
    }

    /** The image to run: the override when one is set, the pinned upstream image otherwise. */
    public DockerImageName resolved() {
        String override = Setting.optional(property(), environmentVariable()).value();
        if (override == null) {
            return upstream;
        }
        try {
            DockerImageName name = DockerImageName.parse(override.strip());
            name.assertValid();
            return name.asCompatibleSubstituteFor(upstream);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(
                    "%s (or %s) is set to '%s', which is not an image name: %s",
                    property(), environmentVariable(), override, e.getMessage()), e);
        }
    }

    /** Where the image came from, e.g. "docker-labs-standin/nginx:debian (from labs.image.nginx)". */
    public String describe() {
        DockerImageName resolved = resolved();
        return resolved.equals(upstream) ? upstream.asCanonicalNameString()
                : resolved.asCanonicalNameString() + " (" + property() + " / " + environmentVariable() + ")";
    }

    /** The lab image this name stands for, if it is one of the pinned upstream images. */
    static LabImage forUpstream(DockerImageName name) {
        for (LabImage image : values()) {
            if (image.upstream.equals(name)) {
                return image;
            }
        }
        return null;
    }
}
