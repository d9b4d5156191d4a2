package org.sysnerd.dockerlabs.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sysnerd.dockerlabs.junit.Lab.evidence;
import static org.sysnerd.dockerlabs.junit.Lab.host;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabAssertions;
import org.sysnerd.dockerlabs.docker.NginxLab;
import org.sysnerd.dockerlabs.facts.HostProcess;
import org.sysnerd.dockerlabs.facts.NetNamespace;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.preflight.Need;
import org.testcontainers.junit.jupiter.Container;

/**
 * Docker doesn't run a mini-VM: a container MUST be an ordinary process of the host, visible in the
 * host's /proc under the PID that {@code docker inspect} reports, with a net namespace of its own.
 * From inside, the same process MUST see itself as PID 1 in that same namespace.
 */
@DisplayName("Q1 · A container is just a host process")
@DockerLab(verify = "sudo ls -l /proc/$(docker inspect -f \"{{.State.Pid}}\" web)/ns/net",
        needs = {Need.DOCKER, Need.NGINX_IMAGE, Need.HOST_PROC})
class Q1AContainerIsJustAHostProcessTest {

    @Container
    static final NginxLab web = NginxLab.web();

    @Test
    @DisplayName("its PID from docker inspect is an nginx process in the host's /proc")
    void runs_as_an_ordinary_host_process() {
        long pid = web.hostPid();
        Seen<HostProcess> process = host().process(pid);

        LabAssertions.assertThat(process).is("PID " + pid + " to run nginx", p -> p.command().startsWith("nginx"));
        evidence("container %s is host %s", web.name(), process);
    }

    @Test
    @DisplayName("its net namespace link differs from the host's")
    void has_a_network_namespace_of_its_own() {
        long pid = web.hostPid();
        Seen<NetNamespace> hostNet = host().hostNetNamespace();
        Seen<NetNamespace> containerNet = host().netNamespaceOf(pid);

        LabAssertions.assertThat(containerNet)
                .is("a net namespace other than the host's " + hostNet, ns -> !ns.equals(hostNet.value()));
        evidence("container PID %d: %s vs host %s", pid, containerNet, hostNet);
    }

    @Test
    @DisplayName("inside, it is PID 1 in the same net namespace the host sees")
    void sees_itself_as_pid_1_in_that_namespace() {
        long pid = web.hostPid();
        Seen<NetNamespace> fromHost = host().netNamespaceOf(pid);
        String[] inside = web.exec("sh", "-c", "cat /proc/1/comm && readlink /proc/1/ns/net").split("\n");
        String pid1 = inside[0].strip();
        String fromInside = inside[inside.length - 1].strip();

        assertThat(pid1).as("PID 1 inside the container (docker exec %s cat /proc/1/comm)", web.name())
                .startsWith("nginx");
        assertThat(NetNamespace.fromLink(fromInside))
                .as("net namespace of PID 1 seen from inside (docker exec %s readlink /proc/1/ns/net)", web.name())
                .isEqualTo(fromHost.value());
        evidence("inside: PID 1 (%s) %s; host: PID %d %s", pid1, fromInside, pid, fromHost);
    }
}
