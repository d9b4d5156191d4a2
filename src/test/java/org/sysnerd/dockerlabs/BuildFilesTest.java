package org.sysnerd.dockerlabs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The build runs as the JDK and Maven's wrapper ship it: no speed trick that costs safety or clarity (issue 25). */
@DisplayName("The build files")
class BuildFilesTest {

    @Test
    @DisplayName("Maven's JVM verifies the bytecode it loads (.mvn/jvm.config turns no verification off)")
    void bytecode_verification_stays_on() throws IOException {
        assertThat(Files.readString(Path.of(".mvn/jvm.config"))).doesNotContain("BytecodeVerification", "-Xverify");
    }

    @Test
    @DisplayName("mvnw is the Maven wrapper plugin's script as generated, sourcing nothing of the project's")
    void the_wrapper_is_as_generated() throws IOException {
        String mvnw = Files.readString(Path.of("mvnw"));

        assertThat(mvnw).startsWith("#!/bin/sh").contains("Apache Maven Wrapper startup batch script, version 3.3.4")
                .doesNotContain("docker-labs", ".mvn/class-data-sharing");
    }
}
