package org.sysnerd.dockerlabs.labs;

import static org.sysnerd.dockerlabs.subject.PageContainer.PUBLISHED_NGINX;
import static org.sysnerd.dockerlabs.assertions.Waits.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sysnerd.dockerlabs.assertions.LabAssertions;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.NginxLab;
import org.sysnerd.dockerlabs.facts.DnatRule;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.junit.DockerLab;
import org.sysnerd.dockerlabs.junit.Evidence;
import org.sysnerd.dockerlabs.junit.Page;
import org.sysnerd.dockerlabs.junit.NotChecked;
import org.sysnerd.dockerlabs.junit.SpecOnly;
import org.sysnerd.dockerlabs.preflight.Need;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.subject.Subject;
import org.sysnerd.dockerlabs.facts.TimeScale;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;

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

    private static final Duration RULE_LIMIT = TimeScale.of(Duration.ofSeconds(10));

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
        DnatRule rule = dnatRuleFor(published.publishedPort());

        LabAssertions.assertThat(new Seen<>(rule, "sudo iptables -t nat -S DOCKER"))
                .is("the rule to rewrite to the container's address " + published.ip() + ":" + NginxLab.HTTP_PORT,
                        r -> r.toAddress().equals(published.ip()) && r.toPort() == NginxLab.HTTP_PORT);
        evidence.record("DNAT tcp dpt:%d -> %s:%d (%s)", rule.port(), rule.toAddress(), rule.toPort(), rule.chain());
    }

    @Test
    @Order(2)
    @DisplayName("a request to docker0's address on that port reaches nginx through the rule")
    void carries_traffic_sent_to_the_bridge_address(Evidence evidence) {
        int port = published.publishedPort();
        DnatRule rule = dnatRuleFor(port);
        String address = rule.addressFor(docker0Address());

        Seen<String> page = new Seen<>(host.httpGet(address, port), "curl -s http://" + address + ":" + port + "/");
        LabAssertions.assertThat(page).is("nginx's welcome page", body -> body.contains(NginxLab.WELCOME));
        if (rule.packets() < 0) {
            // Measured with Podman 5.4.2 (netavark, nftables driver) on Debian 13: its nft DNAT rules carry no counter.
            throw new HostFactUnavailable("the DNAT rule for :" + port + " (" + rule.chain() + ") has no packet "
                    + "counter, so whether the request went through it cannot be seen (nginx did answer at " + address + ":"
                    + port + ")", "see the rule's counters where the engine writes them with one (iptables -t nat -S -v)");
        }
        // The request has been answered, so its first packet has passed the nat table: a counter that would rise has risen.
        if (rule.loopbackOnly() && dnatRuleFor(port).packets() == rule.packets()) {
            throw new NotChecked(loopbackOnly(rule, port));
        }
        long after = await("the packet counter of the DNAT rule for :" + port + " to rise above " + rule.packets())
                .atMost(RULE_LIMIT).until(() -> dnatRuleFor(port).packets(), packets -> packets > rule.packets());
        evidence.record("GET http://%s:%d/ -> nginx; DNAT packets %d -> %d%s", address, port, rule.packets(), after,
                rule.loopbackOnly() ? "" : " (" + engine.info().loopbackPath(port) + ")");
    }

    @Test
    @Order(3)
    @SpecOnly("it would remove your container")
    @DisplayName("removing the container removes the rule")
    void the_rule_is_gone_once_the_container_is_removed(Evidence evidence) {
        int port = published.publishedPort();
        dnatRuleFor(port);

        published.remove();
        await("the DNAT rule for :" + port + " to be removed with its container").atMost(RULE_LIMIT)
                .until(() -> ruleFor(host.dnatRules(engine.info().firewallBackend()), port).isEmpty());
        evidence.record("container removed: no DNAT rule for :%d any more", port);
    }

    private DnatRule dnatRuleFor(int port) {
        Seen<List<DnatRule>> rules = host.dnatRules(engine.info().firewallBackend());
        return LabAssertions.assertThat(rules)
                .has("a DNAT rule for tcp port " + port + " to " + published.ip() + ":" + NginxLab.HTTP_PORT,
                        r -> ruleFor(rules, port), r -> whyNoRule(port));
    }

    private String docker0Address() {
        return LabAssertions.assertThat(host.link(engine.defaultBridge().interfaceName()))
                .has(engine.defaultBridge().describe() + " with an IPv4 address",
                        link -> Optional.ofNullable(link).map(NetLink::ipv4).map(IpAddress::address));
    }

    /** Why the traffic fact cannot be shown for a port published on 127.0.0.1 only, while the userland proxy carries it. */
    private static String loopbackOnly(DnatRule rule, int port) {
        return "the rule matches only packets to " + rule.destination() + " (docker run -p " + rule.addressFor("")
                + ":" + port + ":" + rule.toPort() + "): this host's own request to " + rule.addressFor("") + ":" + port
                + " reached nginx through docker-proxy, the userland proxy (the nat OUTPUT jump skips 127.0.0.0/8), not "
                + "through the rule, whose counter stayed at " + rule.packets() + "; from another machine, 127.0.0.1 is never "
                + "this host. Publish on all addresses (-p " + port + ":" + rule.toPort() + ") to see the rule carry traffic "
                + "(sudo iptables -t nat -S DOCKER -v)";
    }

    private String whyNoRule(int port) {
        String docker0 = docker0Address();
        return host.httpAnswers(docker0, port)
                ? "no DNAT rule, but the port answers: " + engine.info().whyTrafficWithoutDnat()
                : "no DNAT rule and nothing answers on " + docker0 + ":" + port + ": is the port published? (docker port "
                        + published.name() + ")";
    }

    private static Optional<DnatRule> ruleFor(Seen<List<DnatRule>> rules, int port) {
        return rules.value().stream().filter(rule -> rule.matches("tcp", port)).findFirst();
    }
}
