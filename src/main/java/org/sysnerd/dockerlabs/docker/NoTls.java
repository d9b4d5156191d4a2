package org.sysnerd.dockerlabs.docker;

import com.github.dockerjava.transport.SSLConfig;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS of a unix socket: none. Given no {@link SSLConfig}, the zerodep transport makes the JDK's default TLS
 * context (its providers, cipher suites and the trust store read from disk: about 0.1 s of every run's start) even
 * for {@code unix://}, where no request can ever use it; this context, which refuses every use, is made instead.
 */
final class NoTls implements SSLConfig {

    /** The one instance: it holds nothing. */
    static final NoTls UNIX_SOCKET = new NoTls();

    private NoTls() {
    }

    @Override
    public SSLContext getSSLContext() {
        return new SSLContext(new Refusing(), null, "none") {
        };
    }

    /** Every TLS operation fails: a request over a unix socket never asks for one. */
    private static final class Refusing extends SSLContextSpi {

        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("no TLS on a unix socket");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
