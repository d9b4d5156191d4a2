package org.sysnerd.dockerlabs.facts;

/**
 * A published port as {@code docker port} prints it: {@code 0.0.0.0:8080->80/tcp}.
 *
 * @param hostIp the host address it listens on; empty for all of them
 */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {

    /** True when this maps the host port to the container port, over TCP. */
    public boolean maps(int fromHostPort, int toContainerPort) {
        return hostPort == fromHostPort && containerPort == toContainerPort && "tcp".equals(protocol);
    }

    @Override
    public String toString() {
        return (hostIp.isEmpty() ? "0.0.0.0" : hostIp.contains(":") ? "[" + hostIp + "]" : hostIp) + ":" + hostPort
                + "->" + containerPort + "/" + protocol;
    }
}
