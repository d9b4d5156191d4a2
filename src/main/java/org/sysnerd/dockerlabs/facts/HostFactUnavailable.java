package org.sysnerd.dockerlabs.facts;

/** A host fact that could not be read: the lab cannot be checked, which is never a pass. */
public class HostFactUnavailable extends RuntimeException {

    /** What makes the fact readable, when the cause is known (an engine without the feature); else null. */
    private final String fix;

    public HostFactUnavailable(String message, Throwable cause) {
        super(message, cause);
        this.fix = null;
    }

    public HostFactUnavailable(String message) {
        this(message, (String) null);
    }

    /** A fact this host cannot show, and what would show it. */
    public HostFactUnavailable(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    /** What makes the fact readable, or null when only the message can tell. */
    public String fix() {
        return fix;
    }
}
