package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The kit names the images Testcontainers starts; a Testcontainers upgrade that changes them must fail here. */
@DisplayName("The images Testcontainers itself starts are the ones its classes name")
class TestcontainersImagesTest {

    @Test
    @DisplayName("Ryuk's image is the one RyukContainer starts")
    void ryuk_image_is_testcontainers_own() throws IOException {
        assertThat(constants("org/testcontainers/utility/RyukContainer.class")).contains(TestcontainersImages.RYUK_IMAGE);
    }

    @Test
    @DisplayName("the gateway look-up's image is DockerClientFactory's tiny image")
    void gateway_image_is_testcontainers_own() throws IOException {
        assertThat(constants("org/testcontainers/DockerClientFactory.class")).contains(TestcontainersImages.TINY_IMAGE);
    }

    /** A class file's bytes as text: its string constants appear in it verbatim. */
    private static String constants(String classFile) throws IOException {
        try (InputStream in = TestcontainersImagesTest.class.getClassLoader().getResourceAsStream(classFile)) {
            assertThat(in).as(classFile).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
