package org.sysnerd.dockerlabs.probe;

import org.sysnerd.dockerlabs.journal.Journal;

/** HTTP from a host's network namespace: how a backend sends a GET there ({@link Http} here, {@link NcHttp} in a helper). */
public interface HostHttp {

    /** The body of {@code GET http://address:port/}, once it answers; the request recorded in {@code journal}. */
    String get(String address, int port, Journal journal);

    /** True when something answers HTTP at {@code address:port} within a few seconds. */
    boolean answers(String address, int port);
}
