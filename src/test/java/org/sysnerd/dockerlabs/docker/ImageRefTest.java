package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A learner's image reference")
class ImageRefTest {

    @ParameterizedTest(name = "{0} is nginx")
    @ValueSource(strings = {"nginx", "nginx:latest", "nginx:1.27", "docker.io/library/nginx",
            "docker.io/library/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "registry.example:5000/team/nginx:1", "docker-labs-standin/nginx:debian", "localhost/docker-labs-standin/nginx:debian"})
    void names_nginx(String reference) {
        assertThat(ImageRef.isOf(reference, LabImage.NGINX)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not nginx")
    @ValueSource(strings = {"httpd", "nginx-proxy", "mynginx:1", "nginxinc/nginx-unprivileged", "alpine", "", "nginx/other"})
    void does_not_name_nginx(String reference) {
        assertThat(ImageRef.isOf(reference, LabImage.NGINX)).isFalse();
    }

    @ParameterizedTest(name = "{0} is alpine")
    @ValueSource(strings = {"alpine", "alpine:3.21", "docker-labs-standin/alpine:busybox"})
    void names_alpine(String reference) {
        assertThat(ImageRef.isOf(reference, LabImage.ALPINE)).isTrue();
    }
}
