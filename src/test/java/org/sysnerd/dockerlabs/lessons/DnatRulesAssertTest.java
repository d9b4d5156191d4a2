package org.sysnerd.dockerlabs.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.assertions.NotChecked;
import org.sysnerd.dockerlabs.docker.DefaultBridge;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.facts.DnatRule;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.IpAddress;
import org.sysnerd.dockerlabs.parse.Fixtures;

@DisplayName("Q3's DNAT rules assertion, on Docker 20.10's recorded nat table and links")
class DnatRulesAssertTest {

    private static final EngineInfo DOCKER = EngineInfo.fromJson(Fixtures.json("docker-info/docker-20.10-recorded.json"));
    private static final EngineInfo PODMAN = EngineInfo.fromJson(Fixtures.json("docker-info/podman-4.3.1-recorded.json"));
    private static final DefaultBridge BRIDGE = DefaultBridge.docker("bridge", Map.of(), IpAddress.parseCidr("172.17.0.0/16"));
    private static final String WELCOME = "<h1>Welcome to nginx!</h1>";

    private static RecordedHost host(String iptables) {
        return new RecordedHost().with("iptables -t nat -S -v", "iptables/" + iptables)
                .with("ip -j -d addr show", "ip/docker-host-recorded.json");
    }

    private static DnatRulesAssert rules(RecordedHost host) {
        return DnatRulesAssert.assertThat(host.facts(), DOCKER, BRIDGE);
    }

    @Test
    @DisplayName("finds the published port's rule to the container's address and port 80")
    void has_the_rule() {
        DnatRule rule = rules(host("docker-20.10-recorded.txt")).hasRuleFor(32771, "172.17.0.3", "web");

        assertThat(rule.toAddress()).isEqualTo("172.17.0.3");
        assertThat(rule.packets()).isEqualTo(3);
    }

    @Test
    @DisplayName("a rule to another address fails, with the iptables command that shows it")
    void rule_to_another_address() {
        LabFailure lesson = Lesson.of(() -> rules(host("docker-20.10-recorded.txt")).hasRuleFor(32771, "172.17.0.9", "web"));

        assertThat(lesson.expected()).isEqualTo("the rule to rewrite to the container's address 172.17.0.9:80");
        assertThat(lesson.command()).isEqualTo("sudo iptables -t nat -S DOCKER");
    }

    @Test
    @DisplayName("no rule, nothing answering: asks whether the port is published (docker port NAME)")
    void no_rule_and_nothing_answers() {
        LabFailure lesson = Lesson.of(() -> rules(host("docker-20.10-recorded.txt")).hasRuleFor(8081, "172.17.0.3", "web"));

        assertThat(lesson.expected()).isEqualTo("a DNAT rule for tcp port 8081 to 172.17.0.3:80");
        assertThat(lesson.why()).isEqualTo("no DNAT rule and nothing answers on 172.17.0.1:8081: is the port published? "
                + "(docker port web)");
        assertThat(lesson.command()).isEqualTo("sudo iptables -t nat -S DOCKER -v");
    }

    @Test
    @DisplayName("no rule, yet the port answers: the engine wrote no firewall rules, in its own terms")
    void no_rule_but_the_port_answers() {
        LabFailure lesson = Lesson.of(() -> rules(host("docker-20.10-recorded.txt").serving("172.17.0.1", 8081, WELCOME))
                .hasRuleFor(8081, "172.17.0.3", "web"));

        assertThat(lesson.why()).isEqualTo("no DNAT rule, but the port answers: Docker runs with --iptables=false and its "
                + "userland proxy carries the traffic");
        assertThat(DnatRulesAssert.whyTrafficWithoutDnat(PODMAN)).contains("netavark");
    }

    @Test
    @DisplayName("a loopback-only rule whose counter did not move once nginx answered: not checked, with why")
    void loopback_only_is_not_checked() {
        RecordedHost host = host("docker-20.10-recorded.txt").serving("127.0.0.1", 32770, WELCOME);

        assertThatThrownBy(() -> rules(host).carriesTrafficTo(32770, "172.17.0.2", "web")).isInstanceOf(NotChecked.class)
                .hasMessageStartingWith("the rule matches only packets to 127.0.0.1/32 (docker run -p 127.0.0.1:32770:80)")
                .hasMessageContaining("whose counter stayed at 0");
    }

    @Test
    @DisplayName("nginx must answer at the address the rule matches: docker0's for a rule on all addresses")
    void the_request_goes_to_docker0() {
        LabFailure lesson = Lesson.of(() -> rules(host("docker-20.10-recorded.txt").serving("172.17.0.1", 32771, "It works"))
                .carriesTrafficTo(32771, "172.17.0.3", "web"));

        assertThat(lesson.expected()).isEqualTo("nginx's welcome page");
        assertThat(lesson.command()).isEqualTo("curl -s http://172.17.0.1:32771/");
    }

    @Test
    @DisplayName("a rule without a packet counter cannot show the traffic: the host fact is unavailable, with its fix")
    void no_counter() {
        RecordedHost host = host("docker-20.10-no-counters-recorded.txt").serving("172.17.0.1", 32771, WELCOME);

        assertThatThrownBy(() -> rules(host).carriesTrafficTo(32771, "172.17.0.3", "web"))
                .isInstanceOf(HostFactUnavailable.class).hasMessageContaining("has no packet counter");
    }
}
