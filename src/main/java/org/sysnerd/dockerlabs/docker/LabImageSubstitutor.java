package org.sysnerd.dockerlabs.docker;

import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Testcontainers' hook for image overrides (registered in {@code testcontainers.properties}):
 * the pinned nginx and alpine become the image named by {@code labs.image.*} / {@code LABS_IMAGE_*}.
 */
public final class LabImageSubstitutor extends ImageNameSubstitutor {

    @Override
    public DockerImageName apply(DockerImageName original) {
        LabImage image = LabImage.forUpstream(original);
        return image == null ? original : image.resolved();
    }

    @Override
    protected String getDescription() {
        return "docker-labs image overrides (labs.image.nginx, labs.image.alpine)";
    }
}
