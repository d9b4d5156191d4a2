package org.sysnerd.dockerlabs.docker;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of Docker's Engine API ({@code docker version -f '{{.Server.APIVersion}}'}, e.g. {@code 1.55}), and what
 * the kit asks at which: {@code /info} carries {@code FirewallBackend} only at 1.49 and later (Docker 28.1+, moby's
 * {@code system_routes.go}), so a client speaking 1.44 to Docker 29 is never told of its nftables backend.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** The first version whose {@code /info} has {@code FirewallBackend}; no engine before it has another backend. */
    public static final ApiVersion FIREWALL_BACKEND = new ApiVersion(1, 49);

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)$");

    /** Reads {@code 1.55}; an empty value for anything else (Podman's libpod speaks {@code 4.0.0} elsewhere). */
    public static Optional<ApiVersion> parse(Object text) {
        Matcher version = VERSION.matcher(text == null ? "" : String.valueOf(text).strip());
        return version.matches()
                ? Optional.of(new ApiVersion(Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2))))
                : Optional.empty();
    }

    /** The server's newest API version, from {@code GET /version}'s {@code ApiVersion}; empty when it names none. */
    public static Optional<ApiVersion> ofServer(Map<String, Object> version) {
        return parse(version.get("ApiVersion"));
    }

    /**
     * Where to ask {@code /info} so that it says which firewall backend the daemon uses: at 1.49 when the server
     * speaks it; empty when it does not, and then its engine predates every backend but iptables.
     */
    public static Optional<ApiVersion> toAskForFirewallBackend(Map<String, Object> serverVersion) {
        return ofServer(serverVersion).filter(server -> server.compareTo(FIREWALL_BACKEND) >= 0).map(s -> FIREWALL_BACKEND);
    }

    /** The API's path prefix, e.g. {@code /v1.49}. */
    public String path() {
        return "/v" + this;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
