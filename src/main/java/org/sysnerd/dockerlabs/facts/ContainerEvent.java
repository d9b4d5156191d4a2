package org.sysnerd.dockerlabs.facts;

import java.time.Instant;

/**
 * One of the daemon's events about a container, as {@code docker events --format '{{.Action}} {{.TimeNano}}'} shows it:
 * {@code create} (the API's create), {@code start} (once the runtime started its task), {@code die} (once its exit
 * was handled).
 *
 * @param containerId the container's full ID ({@code Actor.ID})
 * @param action      {@code create}, {@code start}, {@code die}, ...
 * @param time        when the daemon logged it, on the daemon's clock ({@code timeNano})
 */
public record ContainerEvent(String containerId, String action, Instant time) {

    /** True for this action about this container. */
    public boolean is(String containerId, String action) {
        return this.containerId.equals(containerId) && this.action.equals(action);
    }
}
