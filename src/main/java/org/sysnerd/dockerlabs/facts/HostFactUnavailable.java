package org.sysnerd.dockerlabs.facts;

/** A host fact that could not be read: the lab cannot be checked, which is never a pass. */
public class HostFactUnavailable extends RuntimeException {

    public HostFactUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public HostFactUnavailable(String message) {
        super(message);
    }
}
