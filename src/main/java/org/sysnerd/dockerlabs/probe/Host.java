package org.sysnerd.dockerlabs.probe;

import java.util.List;
import org.sysnerd.dockerlabs.journal.Journal;

/**
 * The machine that runs the Docker daemon, as far as the labs need to look at it: its files
 * ({@code /proc}, {@code /sys}, the daemon's data root) and its own tools ({@code iptables}, {@code ip}).
 */
public interface Host {

    /** The text of a file of the host, e.g. {@code /proc/4242/comm}. */
    String read(String path);

    /** The target of a symbolic link of the host, e.g. {@code /proc/4242/ns/net}. */
    String readLink(String path);

    /** The path with every link resolved, as the host sees it. */
    String realPath(String path);

    /** Several paths with every link resolved, in the order asked; one {@link #realPath} each unless the host batches them. */
    default List<String> realPaths(List<String> paths) {
        return paths.stream().map(this::realPath).toList();
    }

    /** The texts of several files, in the order asked; one {@link #read} each unless the host batches them. */
    default List<String> readAll(List<String> paths) {
        return paths.stream().map(this::read).toList();
    }

    /** True when the path exists on the host. */
    boolean exists(String path);

    /** The standard output of one of the host's tools, which must exit 0. */
    String run(List<String> command);

    /** The body of {@code GET http://address:port/} sent from the host's own network namespace, once it answers. */
    String httpGet(String address, int port);

    /** True when something answers HTTP at {@code address:port}, seen from the host, within a few seconds. */
    boolean httpAnswers(String address, int port);

    /** How this host is looked at, for the report: e.g. "direct (this process, uid 0)". */
    String describe();

    /** The same host, recording the commands it runs in {@code journal} (a lab's). */
    Host journaling(Journal journal);

    /** True when this process looks at the host itself (no helper between). */
    default boolean direct() {
        return false;
    }

    /** The host a backend reaches ({@link BackendHost}). */
    static Host on(Backend backend) {
        return new BackendHost(backend, Journal.NONE);
    }
}
