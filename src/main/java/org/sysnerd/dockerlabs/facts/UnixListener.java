package org.sysnerd.dockerlabs.facts;

/**
 * A unix stream socket that listens, as {@code /proc/net/unix} lists it (e.g. {@code 5418 /var/run/docker.sock}):
 * its inode, which the holders' {@code /proc/<pid>/fd} links name ({@code socket:[5418]}), and the path it was bound to.
 */
public record UnixListener(long inode, String path) {

    /** The link a holder's file descriptor shows, e.g. {@code socket:[5418]}. */
    public String fdLink() {
        return "socket:[" + inode + "]";
    }

    @Override
    public String toString() {
        return inode + " " + path;
    }
}
