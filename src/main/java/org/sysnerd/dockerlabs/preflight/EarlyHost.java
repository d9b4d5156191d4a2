package org.sysnerd.dockerlabs.preflight;

import org.sysnerd.dockerlabs.probe.Host;

/**
 * What the host's side reads as soon as the daemon answers, before its engine and images are known: where the host
 * is read directly (no helper container, whose image is checked first), the probe, iptables' version and whether the
 * interfaces can be read. The nat table waits for the engine, which tells which firewall to read.
 *
 * @param probe           how the host is read
 * @param iptablesVersion {@code iptables --version}, or null when it cannot be run
 * @param linksProblem    why the host's interfaces cannot be read ({@code ip -j -d addr show}), or null
 */
public record EarlyHost(Host probe, String iptablesVersion, String linksProblem) {
}
