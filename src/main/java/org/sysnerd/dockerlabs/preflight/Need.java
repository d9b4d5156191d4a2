package org.sysnerd.dockerlabs.preflight;

/** What a lab needs of the host before it can prove anything. */
public enum Need {
    /** A Docker engine this process can talk to. */
    DOCKER,
    /** The nginx image: present, pullable, or overridden to one that is. */
    NGINX_IMAGE,
    /** The alpine image: present, pullable, or overridden to one that is. */
    ALPINE_IMAGE,
    /** Other users' /proc/<pid>/ns links on the daemon's host. */
    HOST_PROC,
    /** The daemon host's mount table and overlay dirs. */
    HOST_MOUNTS,
    /** The daemon host's nat table (iptables or nft). */
    NAT_TABLE,
    /** docker0 in the daemon host's network namespace. */
    BRIDGE,
    /** Memory and CPU limits that the daemon sets in cgroups of the host (not discarded, as rootless Docker may). */
    CGROUP_LIMITS
}
