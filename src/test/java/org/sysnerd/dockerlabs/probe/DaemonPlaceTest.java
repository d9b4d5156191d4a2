package org.sysnerd.dockerlabs.probe;

import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.probe.DaemonPlace.Identity;

@DisplayName("Where the daemon's host is")
class DaemonPlaceTest {

    // As the helper prints them: boot id, then readlink of its net, pid and (its shim's) mnt namespace.
    private static final String HELPER = """
            5f1e0a52-4b8e-4a63-9d0e-2b0b8c3c4d11
            net:[4026531840]
            pid:[4026531836]
            mnt:[4026531841]
            """;
    private static final Identity HERE = Identity.parse(HELPER);

    @Test
    @DisplayName("is this host when the kernel and all three namespaces are shared")
    void this_host_when_all_shared() {
        DaemonPlace place = new DaemonPlace(Identity.parse(HELPER), HERE);

        assertThat(place.thisHost()).isTrue();
        assertThat(place.describe()).startsWith("this machine, in this process's namespaces");
    }

    @Test
    @DisplayName("is this kernel but not this host when only the network namespace differs (a netns daemon, a forwarded socket)")
    void another_network_namespace() {
        DaemonPlace place = new DaemonPlace(new Identity(HERE.bootId(), "net:[4026532300]", HERE.pid(), HERE.mnt()), HERE);

        assertThat(place.thisHost()).isFalse();
        assertThat(place.thisKernel()).isTrue();
        assertThat(place.describe()).isEqualTo("this machine's kernel, but not this process's namespaces: "
                + "network (net:[4026532300], this process's net:[4026531840])");
    }

    @Test
    @DisplayName("is another machine when the boot id differs, whatever the namespace numbers")
    void another_machine() {
        DaemonPlace place = new DaemonPlace(new Identity("0c6e…other", HERE.net(), HERE.pid(), HERE.mnt()), HERE);

        assertThat(place.thisHost()).isFalse();
        assertThat(place.describe()).startsWith("another machine (boot id 0c6e…other");
    }

    @Test
    @DisplayName("refuses output that is not four lines")
    void refuses_short_output() {
        assertThatThrownBy(() -> Identity.parse("5f1e0a52\nnet:[1]\n")).isInstanceOf(HostFactUnavailable.class)
                .hasMessageContaining("expected a boot id and three namespace links");
    }

    @Test
    @DisplayName("reads this process's own identity")
    void this_process() {
        Identity here = Identity.ofThisProcess();

        assertThat(here.net()).startsWith("net:[");
        assertThat(here.pid()).startsWith("pid:[");
        assertThat(here.mnt()).startsWith("mnt:[");
        assertThat(here.bootId()).hasSize(36);
    }
}
