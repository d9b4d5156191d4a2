package org.sysnerd.dockerlabs.labs;

import static org.sysnerd.dockerlabs.subject.PageContainer.WEB;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.facts.HostProcess;
import org.sysnerd.dockerlabs.facts.NetNamespace;
import org.sysnerd.dockerlabs.facts.Pid1;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.junit.Evidence;
import org.sysnerd.dockerlabs.junit.Page;
import org.sysnerd.dockerlabs.lessons.LabAssertions;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.Subject;

/**
 * Docker doesn't run a mini-VM: a container MUST be an ordinary process of the host, visible in the
 * host's /proc under the PID that {@code docker inspect} reports, with a net namespace of its own.
 * From inside, the same process MUST see itself as PID 1 in that same namespace.
 * <p>The state graded: a container named {@code web} from an nginx image, running (the page's {@code docker run -d
 * --name web nginx}; any tag of nginx). Missing, stopped or paused, this lab fails with the command that fixes it.
 */
@DisplayName("Q1 · A container is just a host process")
@DockerLab(id = "Q1", title = "A container is just a host process",
        verify = "sudo ls -l /proc/$(docker inspect -f \"{{.State.Pid}}\" web)/ns/net",
        needs = {Need.DOCKER, Need.NGINX_IMAGE, Need.HOST_PROC})
class Q1AContainerIsJustAHostProcessTest {

    /** The page's {@code docker run -d --name web nginx}. */
    private final Subject web;
    private final HostFacts host;

    Q1AContainerIsJustAHostProcessTest(@Page(WEB) Subject web, HostFacts host) {
        this.web = web;
        this.host = host;
    }

    @Test
    @DisplayName("its PID from docker inspect is an nginx process in the host's /proc")
    void runs_as_an_ordinary_host_process(Evidence evidence) {
        Seen<HostProcess> process = host.process(web.hostPid());

        LabAssertions.assertThatProcess(process).runs("nginx");
        evidence.record("container %s is host %s", web.name(), process);
    }

    @Test
    @DisplayName("its net namespace link differs from the host's")
    void has_a_network_namespace_of_its_own(Evidence evidence) {
        long pid = web.hostPid();
        Seen<NetNamespace> hostNet = host.hostNetNamespace();
        Seen<NetNamespace> containerNet = host.netNamespaceOf(pid);

        LabAssertions.assertThatNetNamespace(containerNet).isNotTheHosts(hostNet);
        evidence.record("container PID %d: %s vs host %s", pid, containerNet, hostNet);
    }

    @Test
    @DisplayName("inside, it is PID 1 in the same net namespace the host sees")
    void sees_itself_as_pid_1_in_that_namespace(Evidence evidence) {
        long pid = web.hostPid();
        Seen<NetNamespace> fromHost = host.netNamespaceOf(pid);
        Seen<Pid1> inside = web.pid1Inside();

        LabAssertions.assertThatPid1(inside).runs("nginx").isInTheNamespaceTheHostSeesFor(pid, fromHost);
        evidence.record("inside: %s; host: PID %d %s", inside, pid, fromHost);
    }
}
