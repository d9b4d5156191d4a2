package org.sysnerd.dockerlabs.docker;

import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Testcontainers' reaper, Ryuk: a container Testcontainers starts before the first lab container unless
 * {@code TESTCONTAINERS_RYUK_DISABLED=true}. Its image is one the run needs, checked like the labs' own.
 */
public final class Ryuk {

    /** The image Testcontainers 2.0.5 starts ({@code org.testcontainers.utility.RyukContainer}), before substitution. */
    static final String IMAGE = "testcontainers/ryuk:0.14.0";

    private Ryuk() {
    }

    /** True when Testcontainers will start Ryuk: it reads only this environment variable. */
    public static boolean enabled() {
        return !Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
    }

    /** The image Testcontainers will run for Ryuk, after its substitutions ({@code ryuk.container.image}, a hub prefix). */
    public static String image() {
        return ImageNameSubstitutor.instance().apply(DockerImageName.parse(IMAGE)).asCanonicalNameString();
    }
}
