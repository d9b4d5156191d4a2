package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The kit names the images Testcontainers starts, which its public API does not give: they were read from the
 * version on the class path, and an upgrade must fail here until they are read again from its source.
 */
@DisplayName("The images Testcontainers itself starts")
class TestcontainersImagesTest {

    @Test
    @DisplayName("were read from the Testcontainers on the class path (RyukContainer, DockerClientFactory.TINY_IMAGE)")
    void read_from_this_testcontainers() {
        assertThat(DockerClientFactory.TESTCONTAINERS_VERSION).as("Testcontainers' version; on a change, read "
                + TestcontainersImages.RYUK_IMAGE + " and " + TestcontainersImages.TINY_IMAGE + " again from its source")
                .isEqualTo(TestcontainersImages.READ_FROM);
    }
}
