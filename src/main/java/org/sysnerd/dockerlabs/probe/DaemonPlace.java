package org.sysnerd.dockerlabs.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;

/**
 * Where the daemon's host is, relative to this process, decided once from identity rather than from the
 * socket's address (a socket forwarded over ssh, or a daemon in another network namespace, looks local):
 * the kernel's boot id and the network, PID and mount namespaces that the daemon's containers' host side lives in.
 *
 * @param daemon the daemon's host, as a helper container with {@code --pid=host --network=host} sees it
 * @param here   this process
 */
public record DaemonPlace(Identity daemon, Identity here) {

    /** A kernel and the namespaces a process lives in, as their {@code /proc} links read, e.g. {@code net:[4026531840]}. */
    public record Identity(String bootId, String net, String pid, String mnt) {

        /** Parses four lines: boot id, then the net, pid and mnt namespace links. */
        public static Identity parse(String text) {
            List<String> lines = text.strip().lines().map(String::strip).toList();
            if (lines.size() != 4) {
                throw new HostFactUnavailable("expected a boot id and three namespace links, saw: " + text.strip());
            }
            return new Identity(lines.get(0), lines.get(1), lines.get(2), lines.get(3));
        }

        /** This process's kernel and namespaces. */
        public static Identity ofThisProcess() {
            try {
                return of(Path.of("/proc/self"));
            } catch (IOException e) {
                throw new HostFactUnavailable("could not read this process's boot id or namespaces: " + e, e);
            }
        }

        /** The kernel and the namespaces of the process whose {@code /proc} directory this is. */
        static Identity of(Path process) throws IOException {
            return new Identity(Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip(), link(process, "net"),
                    link(process, "pid"), link(process, "mnt"));
        }

        private static String link(Path process, String namespace) throws IOException {
            return Files.readSymbolicLink(process.resolve("ns").resolve(namespace)).toString();
        }
    }

    /** True when this process shares the daemon host's kernel and its net, PID and mount namespaces. */
    public boolean thisHost() {
        return daemon.equals(here);
    }

    /** True when the daemon runs on this machine's kernel (its namespaces may still differ). */
    public boolean thisKernel() {
        return daemon.bootId().equals(here.bootId());
    }

    /** Where the daemon's host is, for the report, with what tells. */
    public String describe() {
        if (!thisKernel()) {
            return "another machine (boot id " + daemon.bootId() + ", this machine's " + here.bootId() + ")";
        }
        if (thisHost()) {
            return "this machine, in this process's namespaces (" + daemon.net() + ", " + daemon.pid() + ", " + daemon.mnt() + ")";
        }
        List<String> differ = new ArrayList<>();
        differ(differ, "network", daemon.net(), here.net());
        differ(differ, "PID", daemon.pid(), here.pid());
        differ(differ, "mount", daemon.mnt(), here.mnt());
        return "this machine's kernel, but not this process's namespaces: " + String.join(", ", differ);
    }

    private static void differ(List<String> differ, String kind, String daemon, String here) {
        if (!daemon.equals(here)) {
            differ.add(kind + " (" + daemon + ", this process's " + here + ")");
        }
    }
}
