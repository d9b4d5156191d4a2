package org.sysnerd.dockerlabs.preflight;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.TestcontainersImages;
import org.sysnerd.dockerlabs.facts.FirewallBackend;
import org.sysnerd.dockerlabs.journal.Trace;
import org.sysnerd.dockerlabs.probe.Host;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.probe.ProbeChoice;
import org.sysnerd.dockerlabs.subject.LabMode;

/** Looks at this machine before the labs run: Docker, the images, and whether the host facts can be read. */
public final class Observer {

    /** How long Testcontainers' search for the daemon and its client's first calls may take (about a second here). */
    static final Duration TESTCONTAINERS_LIMIT = Duration.ofSeconds(60);

    private Observer() {
    }

    /** How the host facts are read before {@link #observeHost} has chosen. */

    /**
     * The daemon's side, which decides whether containers can start: Docker reachable, its engine, the images.
     * Each part fails fast rather than after Testcontainers' minutes. The host's side is left empty. Once the daemon
     * answers, {@code answered} runs (in this thread: what it does at length, it starts elsewhere), and the engine and
     * the images are looked at while Testcontainers' own search still goes on.
     */
    public static Observations observeDocker(Engine daemon, LabMode mode, ProbeChoice probes, Runnable answered) {
        // Testcontainers' own search for the daemon, which the labs' containers wait for, goes on beside the kit's.
        CompletableFuture<URI> testcontainers = mode.startsLabContainers()
                ? CompletableFuture.supplyAsync(TestcontainersImages::readyClient, ImageChecks::inADaemonThread) : null;
        String dockerError = DockerReach.dockerError(daemon);
        if (dockerError != null) {
            return noDocker(daemon, dockerError);
        }
        answered.run();
        CompletableFuture<Map<String, ImageProblem>> images = CompletableFuture.supplyAsync(
                () -> ImageChecks.imageProblems(daemon, mode, probes), ImageChecks::inADaemonThread);
        EngineInfo engine = daemon.info();
        Trace.mark("preflight docker info");
        if (testcontainers != null) {
            dockerError = DockerReach.testcontainersAgrees(daemon.dockerHost(), testcontainers, TESTCONTAINERS_LIMIT);
            if (dockerError != null) {
                return noDocker(daemon, dockerError);
            }
        }
        Map<String, ImageProblem> problems;
        try {
            problems = images.join(); // bounded: each check is (ImagePull)
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Trace.mark("preflight images checked");
        return new Observations(DockerReach.dockerHost(daemon), null, engine, engine.podman(), problems, Probe.notChosenYet(), null, null, null);
    }

    /** What is seen when Docker is not reached, or not as Testcontainers reaches it: nothing else. */
    private static Observations noDocker(Engine daemon, String dockerError) {
        return new Observations(DockerReach.dockerHost(daemon), dockerError, null, false, Map.of(), Probe.none("no Docker"), null, null, null);
    }

    /**
     * The part of the host's side that needs neither the engine nor the images, read as soon as the daemon answers:
     * where the host is read directly, its probe, iptables' version and the interfaces; null where the helper
     * container must read it (its image is checked first) or the probe could not be chosen (told by {@link #observeHost}).
     */
    public static EarlyHost observeHostEarly(ProbeChoice probes) {
        try {
            if (probes.needsHelper()) {
                return null;
            }
            Host probe = probes.choose();
            HostFacts host = new HostFacts(probe);
            String version = host.iptablesVersion();
            String links = linksProblem(host);
            Trace.mark("preflight interfaces read");
            return new EarlyHost(probe, version, links);
        } catch (RuntimeException e) {
            // Anything unforeseen here (the socket's listener not read, a probe that throws) is left to observeHost,
            // which looks again the ordinary way and says what it met; this early look must not hold the labs.
            return null;
        }
    }

    /**
     * The host's side, once Docker answered: how the host facts are read, and whether they can be; what
     * {@link #observeHostEarly} read already (null when it did not) is taken as it is.
     */
    public static Observations observeHost(Observations docker, EarlyHost early, ProbeChoice probes,
            Function<Host, HostFacts> use) {
        if (docker.dockerError() != null) {
            return docker;
        }
        if (docker.imageProblems().keySet().stream().anyMatch(Images::testcontainers)) {
            // No container can start (the probe's helper neither): every lab is blocked already.
            return new Observations(docker.dockerHost(), null, docker.engine(), docker.podman(), docker.imageProblems(),
                    Probe.none("no container can start without Testcontainers' own image"), null, null, null);
        }
        EngineInfo engine = docker.engine();
        ImageProblem helperImage = docker.imageProblems().get("alpine");
        if (early == null && helperImage != null && probes.needsHelper()) {
            return new Observations(docker.dockerHost(), null, engine, docker.podman(), docker.imageProblems(), Probe.none(""),
                    "the helper container that reads the daemon's host runs the alpine image: " + helperImage.describe(),
                    null, null);
        }
        HostFacts host;
        try {
            host = use.apply(early != null ? early.probe() : probes.choose());
        } catch (RuntimeException e) {
            return new Observations(docker.dockerHost(), null, engine, docker.podman(), docker.imageProblems(), Probe.none(""),
                    "the helper container that reads the daemon's host could not start: " + e.getMessage(), null, null);
        }
        Trace.mark("preflight probe chosen");
        Probe probe = Probe.chosen(host.host().describe());
        if (engine.firewallBackend() == FirewallBackend.IPTABLES) {
            engine = engine.withIptables(early != null ? early.iptablesVersion() : host.iptablesVersion());
        }
        String nat = natProblem(host, engine.firewallBackend());
        Trace.mark("preflight nat table read");
        String links = early != null ? early.linksProblem() : linksProblem(host);
        Trace.mark("preflight interfaces read");
        return new Observations(docker.dockerHost(), null, engine, docker.podman(), docker.imageProblems(), probe,
                host.host().direct() ? hostProblem(docker.dockerHost(), engine) : null, nat, links);
    }

    /** With the direct probe (forced): can this process read what it must? */
    private static String hostProblem(String dockerHost, EngineInfo engine) {
        if (!DockerReach.daemonIsLocal(dockerHost, engine)) {
            return "the daemon's host is not this machine (Docker Desktop's VM, or a remote DOCKER_HOST): "
                    + "unset labs.probe=direct to read it through the daemon";
        }
        String uid = ProbeChoice.uid();
        return "0".equals(uid) ? null : "this process (uid " + uid + ") may not read root's /proc/<pid>/ns links "
                + "nor the daemon's overlay dirs: unset labs.probe=direct to read them through the daemon";
    }

    /** Reads the host's interfaces ({@code ip -j -d addr show}) as Q3 and Q4 will. */
    private static String linksProblem(HostFacts host) {
        try {
            host.links();
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static String natProblem(HostFacts host, FirewallBackend backend) {
        try {
            host.dnatRules(backend);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
