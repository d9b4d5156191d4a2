package org.sysnerd.dockerlabs.facts;

/** A network namespace, known by the inode its {@code /proc/<pid>/ns/net} link names. */
public record NetNamespace(long inode) {

    /** Reads the target of an {@code ns/net} link, e.g. {@code net:[4026532183]}. */
    public static NetNamespace fromLink(String link) {
        String text = link.strip();
        if (!text.matches("net:\\[\\d{1,18}]")) {
            throw new IllegalArgumentException("not a net namespace link (net:[<inode>]): '" + text + "'");
        }
        return new NetNamespace(Long.parseLong(text.substring(5, text.length() - 1)));
    }

    @Override
    public String toString() {
        return "net:[" + inode + "]";
    }
}
