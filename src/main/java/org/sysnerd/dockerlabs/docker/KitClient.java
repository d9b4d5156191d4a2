package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.time.Duration;
import org.sysnerd.dockerlabs.facts.TimeScale;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * The kit's own client of a daemon, every request bounded ({@link BoundedHttpClient}), with its reads of the daemon's
 * JSON on the same transport ({@link DaemonJson}), and the TLS it uses (NoTls on a unix socket).
 */
record KitClient(URI dockerHost, SSLConfig tls, DockerClient client, DaemonJson json) {

    /** How long the daemon may take to accept a connection, and to answer once asked. */
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_LIMIT = TimeScale.of(Duration.ofSeconds(30));
    /** How long Testcontainers' search for the daemon may take where the address is not plain (about a second). */
    private static final Duration SEARCH_LIMIT = TimeScale.of(Duration.ofSeconds(60));

    /**
     * Finds the daemon as Testcontainers does (DOCKER_HOST, its socket strategies) and makes the kit's client for it:
     * where that is plain ({@link DaemonAddress}), without loading Testcontainers' search.
     */
    static KitClient found() {
        URI plain = DaemonAddress.plain().orElse(null);
        if (plain != null) {
            return to(plain, null);
        }
        // Bounded: its search asks each candidate with a client of no limit, and a daemon may answer _ping only.
        TransportConfig transport = Bounded.call("Testcontainers' search for the daemon", SEARCH_LIMIT,
                "a daemon answered, then said nothing more: see whether docker info answers, and restart the daemon "
                + "if it hangs", "docker info", () -> DockerClientFactory.instance().getTransportConfig());
        return to(transport.getDockerHost(), transport.getSslConfig());
    }

    /** The kit's client of the daemon at {@code host}, with the given TLS (none given: none at all on a unix socket). */
    static KitClient to(URI host, SSLConfig given) {
        SSLConfig tls = given == null && "unix".equals(host.getScheme()) ? NoTls.UNIX_SOCKET : given;
        DockerHttpClient http = new BoundedHttpClient(new ZerodepDockerHttpClient.Builder().dockerHost(host)
                .sslConfig(tls).connectionTimeout(CONNECT_LIMIT).responseTimeout(RESPONSE_LIMIT).build(),
                RESPONSE_LIMIT);
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.toString());
        RemoteApiVersion version = apiVersion(config, http);
        DockerClient client = DockerClientImpl.getInstance(config.withApiVersion(version).build(), http);
        return new KitClient(host, tls, client, new DaemonJson(http, "/v" + version.getVersion()));
    }

    /**
     * The API version as Testcontainers' client picks it ({@code DockerClientProviderStrategy.getClientForConfig}):
     * the one set (DOCKER_API_VERSION), else 1.44, else 1.32 for an older daemon.
     */
    private static RemoteApiVersion apiVersion(DefaultDockerClientConfig.Builder config, DockerHttpClient http) {
        RemoteApiVersion set = config.build().getApiVersion();
        if (set != RemoteApiVersion.UNKNOWN_VERSION) {
            return set;
        }
        try {
            DockerClientImpl.getInstance(config.withApiVersion(RemoteApiVersion.VERSION_1_44).build(), http).pingCmd().exec();
            return RemoteApiVersion.VERSION_1_44;
        } catch (RuntimeException olderDaemon) {
            return RemoteApiVersion.VERSION_1_32;
        }
    }
}
