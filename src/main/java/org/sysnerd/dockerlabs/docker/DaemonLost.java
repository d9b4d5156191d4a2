package org.sysnerd.dockerlabs.docker;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The daemon was lost under the kit's own client: its transport failed (a reset connection, a dropped ssh forward,
 * an answer cut short) or it said nothing in time. A lab that meets it is blocked, not failed.
 */
public class DaemonLost extends UncheckedIOException {

    public DaemonLost(String message, IOException cause) {
        super(message, cause);
    }
}
