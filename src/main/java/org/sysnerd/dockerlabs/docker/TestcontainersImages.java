package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientConfigUtils;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * The images Testcontainers itself starts before the first lab container, in this environment: Ryuk, its reaper
 * (unless {@code TESTCONTAINERS_RYUK_DISABLED=true}), and, inside a container, a helper that finds the daemon's
 * gateway. The run needs them like the labs' own images; a pull Testcontainers retries for minutes.
 */
public final class TestcontainersImages {

    /** Logical name of Ryuk's image. */
    public static final String RYUK = "ryuk";
    /** Logical name of the image Testcontainers runs to find the daemon's gateway from inside a container. */
    public static final String GATEWAY = "gateway";
    /**
     * The Testcontainers these names were read from (its source: {@code RyukContainer}, {@code DockerClientFactory}),
     * which exposes them in no public API; a test holds the version, so an upgrade re-reads them.
     */
    static final String READ_FROM = "2.0.5";
    /** The image Testcontainers {@link #READ_FROM} starts for Ryuk, before its substitutions. */
    static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
    /** The tiny image Testcontainers {@link #READ_FROM} runs to find the gateway, before its substitutions. */
    static final String TINY_IMAGE = "alpine:3.17";

    private TestcontainersImages() {
    }

    /** The images Testcontainers will start here, by logical name, after its substitutions. */
    public static Map<String, String> needed(DockerClient client, URI dockerHost) {
        Map<String, String> images = new LinkedHashMap<>();
        if (ryukEnabled()) {
            images.put(RYUK, substituted(RYUK_IMAGE));
        }
        if (looksUpGateway(client, dockerHost)) {
            images.put(GATEWAY, substituted(TINY_IMAGE));
        }
        return images;
    }

    /**
     * True when Testcontainers' client starts no container of its own here (no Ryuk, no look-up of the gateway, whose
     * images the preflight checks first): it can be readied before that check without pulling anything.
     */
    public static boolean noneBeforeTheLabs(URI dockerHost) {
        String override = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
        return !ryukEnabled() && (!DockerClientConfigUtils.IN_A_CONTAINER || (override != null && !override.isBlank())
                || !("unix".equals(dockerHost.getScheme()) || "npipe".equals(dockerHost.getScheme())));
    }

    /**
     * Readies Testcontainers, which starts the labs' containers: its search for the daemon, and, when it starts no
     * container of its own, its client (whose start would otherwise come with the first lab container's); returns
     * where it found the daemon. A client that would start Ryuk or look up the gateway with a container, whose images
     * the preflight checks first, is left to the first lab container's start.
     */
    public static URI readyClient() {
        URI found = DockerClientFactory.instance().getTransportConfig().getDockerHost();
        if (noneBeforeTheLabs(found)) {
            DockerClientFactory.instance().client();
        }
        return found;
    }

    /** True when Testcontainers will start Ryuk: it reads only this environment variable. */
    public static boolean ryukEnabled() {
        return !Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
    }

    /**
     * Testcontainers' {@code resolveDockerHostIpAddress}: inside a container (/.dockerenv), with a socket, no
     * {@code TESTCONTAINERS_HOST_OVERRIDE} and no gateway in the bridge network's IPAM config (Docker 20.10 gives
     * none), it runs {@link #TINY_IMAGE} to read the default route.
     */
    private static boolean looksUpGateway(DockerClient client, URI dockerHost) {
        String override = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
        if (!DockerClientConfigUtils.IN_A_CONTAINER || (override != null && !override.isBlank())
                || !("unix".equals(dockerHost.getScheme()) || "npipe".equals(dockerHost.getScheme()))) {
            return false;
        }
        Network bridge = client.inspectNetworkCmd().withNetworkId("bridge").exec();
        return bridge.getIpam() == null || bridge.getIpam().getConfig() == null
                || bridge.getIpam().getConfig().stream().allMatch(config -> config.getGateway() == null);
    }

    private static String substituted(String image) {
        return ImageNameSubstitutor.instance().apply(DockerImageName.parse(image)).asCanonicalNameString();
    }
}
