package org.sysnerd.dockerlabs.labs;

import static org.sysnerd.dockerlabs.subject.PageContainer.PUBLISHED_NGINX;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.facts.DnatRule;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.junit.Evidence;
import org.sysnerd.dockerlabs.junit.Page;
import org.sysnerd.dockerlabs.junit.SpecOnly;
import org.sysnerd.dockerlabs.lessons.DnatRulesAssert.Traffic;
import org.sysnerd.dockerlabs.lessons.LabAssertions;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.Subject;

/**
 * Publishing a port MUST add a DNAT rule to the host's nat table that rewrites the published host port
 * to the container's address and port 80. The rule MUST carry traffic: a request to the host's docker0
 * address on that port reaches nginx and the rule's packet counter rises. (A request to 127.0.0.1 is
 * carried by docker-proxy, the userland proxy, not by the rule.) Removing the container MUST remove the rule.
 * <p>The state graded: a running nginx container publishing host port 8080 (the page's {@code docker run -d -p
 * 8080:80 nginx}, or {@code -p 8080:80/tcp}, {@code -p 0.0.0.0:8080:80}, {@code -p 127.0.0.1:8080:80}), and its DNAT
 * rule, which the page's check greps for. The request goes to the address the rule matches: docker0's, or the one
 * the learner published on. A port published on 127.0.0.1 only has a rule for 127.0.0.1, which no request from this
 * host goes through while the userland proxy is on: that fact is listed as not checked, with the reason.
 */
@DisplayName("Q3 · Publishing a port is DNAT")
@DockerLab(id = "Q3", title = "Publishing a port is DNAT", verify = "sudo iptables -t nat -L DOCKER -n | grep 8080",
        needs = {Need.DOCKER, Need.NGINX_IMAGE, Need.NAT_TABLE, Need.BRIDGE})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Q3PublishingAPortIsDnatTest {

    /** The page's {@code docker run -d -p 8080:80 nginx}; the suite's own publishes a free port instead. */
    private final Subject published;
    private final HostFacts host;
    private final Engine engine;

    Q3PublishingAPortIsDnatTest(@Page(PUBLISHED_NGINX) Subject published, HostFacts host, Engine engine) {
        this.published = published;
        this.host = host;
        this.engine = engine;
    }

    @Test
    @Order(1)
    @DisplayName("the published port has a DNAT rule to the container's address and port 80")
    void rewrites_the_published_port_to_the_container_address(Evidence evidence) {
        DnatRule rule = LabAssertions.assertThatDnatRules(host, engine)
                .hasRuleFor(published.publishedPort(), published.ip(), published.name());
        evidence.record("DNAT tcp dpt:%d -> %s:%d (%s)", rule.port(), rule.toAddress(), rule.toPort(), rule.chain());
    }

    @Test
    @Order(2)
    @DisplayName("a request to docker0's address on that port reaches nginx through the rule")
    void carries_traffic_sent_to_the_bridge_address(Evidence evidence) {
        int port = published.publishedPort();

        Traffic traffic = LabAssertions.assertThatDnatRules(host, engine).carriesTrafficTo(port, published.ip(), published.name());
        evidence.record("GET http://%s:%d/ -> nginx; DNAT packets %d -> %d%s", traffic.address(), port, traffic.before(),
                traffic.after(), traffic.loopbackOnly() ? "" : " (" + engine.info().loopbackPath(port) + ")");
    }

    @Test
    @Order(3)
    @SpecOnly("it would remove your container")
    @DisplayName("removing the container removes the rule")
    void the_rule_is_gone_once_the_container_is_removed(Evidence evidence) {
        int port = published.publishedPort();

        LabAssertions.assertThatDnatRules(host, engine).isGoneAfter(published::remove, port, published.ip(), published.name());
        evidence.record("container removed: no DNAT rule for :%d any more", port);
    }
}
