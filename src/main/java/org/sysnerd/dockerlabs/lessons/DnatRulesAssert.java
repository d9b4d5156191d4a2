package org.sysnerd.dockerlabs.lessons;

import static org.sysnerd.dockerlabs.assertions.Waits.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.sysnerd.dockerlabs.assertions.NotChecked;
import org.sysnerd.dockerlabs.assertions.SeenAssert;
import org.sysnerd.dockerlabs.docker.DefaultBridge;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.NginxLab;
import org.sysnerd.dockerlabs.facts.DnatRule;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.sysnerd.dockerlabs.facts.NetLink;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.facts.TimeScale;
import org.sysnerd.dockerlabs.probe.HostFacts;

/**
 * The nat table's DNAT rules for a port published to nginx's port 80 (Q3): the rule, the traffic it carries, its removal
 * with the container. The rules are read afresh for each fact, from the engine's firewall backend; a reason for a
 * missing rule is chosen from whether the port answers anyway, and the traffic fact is not checked where the rule
 * cannot show it (a loopback-only rule while the userland proxy carries the request; a rule without a counter).
 */
public final class DnatRulesAssert extends AbstractAssert<DnatRulesAssert, HostFacts> {

    /** How long a rule may take to count a packet or to go with its container. */
    static final Duration RULE_LIMIT = TimeScale.of(Duration.ofSeconds(10));

    private final EngineInfo engine;
    private final DefaultBridge bridge;

    DnatRulesAssert(HostFacts host, EngineInfo engine, DefaultBridge bridge) {
        super(host, DnatRulesAssert.class);
        this.engine = engine;
        this.bridge = bridge;
    }

    public static DnatRulesAssert assertThat(HostFacts host, EngineInfo engine, DefaultBridge bridge) {
        return new DnatRulesAssert(host, engine, bridge);
    }

    /** A traffic fact shown: where the request went, and the rule's packet counter before and after it. */
    public record Traffic(String address, long before, long after, boolean loopbackOnly) {
    }

    /** The port has a DNAT rule, and it rewrites to the container's address and nginx's port 80. */
    public DnatRule hasRuleFor(int port, String toAddress, String container) {
        DnatRule rule = ruleFor(port, toAddress, container);
        SeenAssert.assertThat(new Seen<>(rule, "sudo iptables -t nat -S DOCKER"))
                .is("the rule to rewrite to the container's address " + toAddress + ":" + NginxLab.HTTP_PORT,
                        r -> r.toAddress().equals(toAddress) && r.toPort() == NginxLab.HTTP_PORT);
        return rule;
    }

    /**
     * A request to the address the rule matches (docker0's, or the one published on) reaches nginx, and the rule's
     * packet counter rises: the rule carried it.
     */
    public Traffic carriesTrafficTo(int port, String toAddress, String container) {
        DnatRule rule = ruleFor(port, toAddress, container);
        String address = rule.addressFor(bridgeAddress());
        SeenAssert.assertThat(new Seen<>(actual.httpGet(address, port), "curl -s http://" + address + ":" + port + "/"))
                .is("nginx's welcome page", body -> body.contains(NginxLab.WELCOME));
        if (rule.packets() < 0) {
            // Podman 5.4.2's nft DNAT rules (netavark, nftables driver) carry no counter.
            throw new HostFactUnavailable("the DNAT rule for :" + port + " (" + rule.chain() + ") has no packet "
                    + "counter, so whether the request went through it cannot be seen (nginx did answer at " + address + ":"
                    + port + ")", "see the rule's counters where the engine writes them with one (iptables -t nat -S -v)");
        }
        // The request has been answered, so its first packet has passed the nat table: a counter that would rise has risen.
        if (rule.loopbackOnly() && ruleFor(port, toAddress, container).packets() == rule.packets()) {
            throw new NotChecked(loopbackOnly(rule, port));
        }
        long after = await("the packet counter of the DNAT rule for :" + port + " to rise above " + rule.packets())
                .atMost(RULE_LIMIT).until(() -> ruleFor(port, toAddress, container).packets(), packets -> packets > rule.packets());
        return new Traffic(address, rule.packets(), after, rule.loopbackOnly());
    }

    /** The rule is there, and gone once {@code removal} (removing its container) has run. */
    public DnatRulesAssert isGoneAfter(Runnable removal, int port, String toAddress, String container) {
        ruleFor(port, toAddress, container);
        removal.run();
        await("the DNAT rule for :" + port + " to be removed with its container").atMost(RULE_LIMIT)
                .until(() -> find(actual.dnatRules(engine.firewallBackend()), port).isEmpty());
        return this;
    }

    private DnatRule ruleFor(int port, String toAddress, String container) {
        Seen<List<DnatRule>> rules = actual.dnatRules(engine.firewallBackend());
        return SeenAssert.assertThat(rules).has("a DNAT rule for tcp port " + port + " to " + toAddress + ":"
                + NginxLab.HTTP_PORT, r -> find(rules, port), r -> whyNoRule(port, container));
    }

    private static Optional<DnatRule> find(Seen<List<DnatRule>> rules, int port) {
        return rules.value().stream().filter(rule -> rule.matches("tcp", port)).findFirst();
    }

    private String bridgeAddress() {
        return SeenAssert.assertThat(actual.link(bridge.interfaceName())).has(bridge.describe() + " with an IPv4 address",
                link -> Optional.ofNullable(link).map(NetLink::ipv4).map(IpAddress::address));
    }

    /** Why there is no rule: the port answers anyway (no firewall rules written), or nothing is published there. */
    private String whyNoRule(int port, String container) {
        String docker0 = bridgeAddress();
        return actual.httpAnswers(docker0, port)
                ? "no DNAT rule, but the port answers: " + whyTrafficWithoutDnat(engine)
                : "no DNAT rule and nothing answers on " + docker0 + ":" + port + ": is the port published? (docker port "
                        + container + ")";
    }

    /** Why a published port may answer with no DNAT rule for it, on this engine. */
    static String whyTrafficWithoutDnat(EngineInfo engine) {
        return engine.podman()
                ? "Podman's netavark wrote no rule (its firewall driver may be `none`) and something else carries the traffic"
                : "Docker runs with --iptables=false and its userland proxy carries the traffic";
    }

    /** Why the traffic fact cannot be shown for a port published on 127.0.0.1 only, while the userland proxy carries it. */
    static String loopbackOnly(DnatRule rule, int port) {
        return "the rule matches only packets to " + rule.destination() + " (docker run -p " + rule.addressFor("")
                + ":" + port + ":" + rule.toPort() + "): this host's own request to " + rule.addressFor("") + ":" + port
                + " reached nginx through docker-proxy, the userland proxy (the nat OUTPUT jump skips 127.0.0.0/8), not "
                + "through the rule, whose counter stayed at " + rule.packets() + "; from another machine, 127.0.0.1 is never "
                + "this host. Publish on all addresses (-p " + port + ":" + rule.toPort() + ") to see the rule carry traffic "
                + "(sudo iptables -t nat -S DOCKER -v)";
    }
}
