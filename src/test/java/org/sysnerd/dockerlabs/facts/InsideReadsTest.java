package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What a container shows from inside (docker exec outputs)")
class InsideReadsTest {

    @Test
    @DisplayName("PID 1: its command name and net namespace link")
    void pid1() {
        assertThat(Pid1.parse("nginx\nnet:[4026532336]\n")).isEqualTo(new Pid1("nginx", new NetNamespace(4026532336L)));
        assertThatIllegalArgumentException().isThrownBy(() -> Pid1.parse("nginx\n"));
    }

    @Test
    @DisplayName("eth0: its ifindex and its peer's")
    void eth0() {
        assertThat(LinkIndexes.parse("859\n860\n")).isEqualTo(new LinkIndexes(859, 860));
        assertThatIllegalArgumentException().isThrownBy(() -> LinkIndexes.parse("cat: can't open '/sys/class/net/eth0/ifindex'"));
    }
}
