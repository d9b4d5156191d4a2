package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The TLS of a unix socket")
class NoTlsTest {

    @Test
    @DisplayName("refuses to make a TLS socket or engine, rather than make one with no trust in it")
    void refuses_every_use() throws Exception {
        SSLContext none = NoTls.UNIX_SOCKET.getSSLContext();
        assertThatThrownBy(none::getSocketFactory).as("a TLS socket factory")
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("unix socket");
        assertThatThrownBy(none::createSSLEngine).as("a TLS engine").isInstanceOf(UnsupportedOperationException.class);
    }
}
