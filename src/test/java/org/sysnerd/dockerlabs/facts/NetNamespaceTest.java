package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("NetNamespace reads the target of a /proc/<pid>/ns/net link")
class NetNamespaceTest {

    @Test
    @DisplayName("`readlink /proc/self/ns/net` (recorded on this host: net:[4026531833]) gives the inode")
    void reads_the_inode() {
        assertThat(NetNamespace.fromLink("net:[4026531833]").inode()).isEqualTo(4026531833L);
    }

    @Test
    @DisplayName("a trailing newline (as `readlink` prints it) is ignored")
    void ignores_the_trailing_newline() {
        assertThat(NetNamespace.fromLink("net:[4026532183]\n")).isEqualTo(new NetNamespace(4026532183L));
    }

    @Test
    @DisplayName("it prints back as the link reads")
    void prints_as_the_link() {
        assertThat(NetNamespace.fromLink("net:[4026532258]")).hasToString("net:[4026532258]");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"mnt:[4026531841]", "net:4026531833", "net:[]", "net:[abc]", "", "garbage"})
    @DisplayName("anything but net:[<number>] (another namespace type, garbage) is an error naming it")
    void garbage_is_an_error(String link) {
        assertThatThrownBy(() -> NetNamespace.fromLink(link))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + link + "'");
    }
}
