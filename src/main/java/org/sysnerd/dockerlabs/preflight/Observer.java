package org.sysnerd.dockerlabs.preflight;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.sysnerd.dockerlabs.docker.DaemonAddress;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.ImagePull;
import org.sysnerd.dockerlabs.docker.LabImage;
import org.sysnerd.dockerlabs.docker.TestcontainersImages;
import org.sysnerd.dockerlabs.facts.FirewallBackend;
import org.sysnerd.dockerlabs.journal.Trace;
import org.sysnerd.dockerlabs.probe.DirectHost;
import org.sysnerd.dockerlabs.probe.Host;
import org.sysnerd.dockerlabs.probe.HostFacts;
import org.sysnerd.dockerlabs.probe.ProbeChoice;
import org.sysnerd.dockerlabs.subject.LabMode;

/** Looks at this machine before the labs run: Docker, the images, and whether the host facts can be read. */
public final class Observer {

    private static final int CONNECT_LIMIT_MILLIS = 3000;
    /** How long Testcontainers' search for the daemon and its client's first calls may take (about a second here). */
    static final Duration TESTCONTAINERS_LIMIT = Duration.ofSeconds(60);

    private Observer() {
    }

    /** How the host facts are read before {@link #observeHost} has chosen. */
    static final String PROBE_NOT_CHOSEN = "not chosen yet";
    /** How the host facts are read when the daemon-side probe's helper could not start: not at all. */
    static final String NO_PROBE = "none";

    /**
     * The daemon's side, which decides whether containers can start: Docker reachable, its engine, the images.
     * Each part fails fast rather than after Testcontainers' minutes. The host's side is left empty. Once the daemon
     * answers, {@code answered} runs (in this thread: what it does at length, it starts elsewhere), and the engine and
     * the images are looked at while Testcontainers' own search still goes on.
     */
    public static Observations observeDocker(Engine daemon, LabMode mode, ProbeChoice probes, Runnable answered) {
        // Testcontainers' own search for the daemon, which the labs' containers wait for, goes on beside the kit's.
        CompletableFuture<URI> testcontainers = mode.startsLabContainers()
                ? CompletableFuture.supplyAsync(Engine::readyTestcontainers, Observer::inADaemonThread) : null;
        String dockerError = dockerError(daemon);
        if (dockerError != null) {
            return noDocker(daemon, dockerError);
        }
        answered.run();
        CompletableFuture<Map<String, ImageProblem>> images = CompletableFuture.supplyAsync(
                () -> imageProblems(daemon, mode, probes), Observer::inADaemonThread);
        EngineInfo engine = daemon.info();
        Trace.mark("preflight docker info");
        if (testcontainers != null) {
            dockerError = testcontainersAgrees(daemon.dockerHost(), testcontainers, TESTCONTAINERS_LIMIT);
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
        return new Observations(dockerHost(daemon), null, engine, engine.podman(), problems, PROBE_NOT_CHOSEN, null, null, null);
    }

    /** What is seen when Docker is not reached, or not as Testcontainers reaches it: nothing else. */
    private static Observations noDocker(Engine daemon, String dockerError) {
        return new Observations(dockerHost(daemon), dockerError, null, false, Map.of(), "none (no Docker)", null, null, null);
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
                    NO_PROBE + " (no container can start without Testcontainers' own image)", null, null, null);
        }
        EngineInfo engine = docker.engine();
        ImageProblem helperImage = docker.imageProblems().get("alpine");
        if (early == null && helperImage != null && probes.needsHelper()) {
            return new Observations(docker.dockerHost(), null, engine, docker.podman(), docker.imageProblems(), NO_PROBE,
                    "the helper container that reads the daemon's host runs the alpine image: " + helperImage.describe(),
                    null, null);
        }
        HostFacts host;
        try {
            host = use.apply(early != null ? early.probe() : probes.choose());
        } catch (RuntimeException e) {
            return new Observations(docker.dockerHost(), null, engine, docker.podman(), docker.imageProblems(), NO_PROBE,
                    "the helper container that reads the daemon's host could not start: " + e.getMessage(), null, null);
        }
        Trace.mark("preflight probe chosen");
        String probe = host.host().describe();
        if (engine.firewallBackend() == FirewallBackend.IPTABLES) {
            engine = engine.withIptables(early != null ? early.iptablesVersion() : host.iptablesVersion());
        }
        String nat = natProblem(host, engine.firewallBackend());
        Trace.mark("preflight nat table read");
        String links = early != null ? early.linksProblem() : linksProblem(host);
        Trace.mark("preflight interfaces read");
        return new Observations(docker.dockerHost(), null, engine, docker.podman(), docker.imageProblems(), probe,
                host.host() instanceof DirectHost ? hostProblem(docker.dockerHost(), engine) : null, nat, links);
    }

    /** Null when Testcontainers found the daemon where the kit did; else what it found, or why it found none. */
    static String testcontainersAgrees(URI kits, CompletableFuture<URI> testcontainers, Duration limit) {
        try {
            // Bounded: its client has no limit of its own, and a daemon may answer _ping while docker info hangs.
            URI found = testcontainers.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            Trace.mark("preflight Testcontainers ready");
            return found.equals(kits) ? null : "Testcontainers reached " + found + " instead of "
                    + kits + ": set DOCKER_HOST to the one the labs should use";
        } catch (TimeoutException e) {
            return "Testcontainers, which starts the labs' containers, got no answer from the daemon within "
                    + limit.toSeconds() + " s (the daemon answers _ping, but not its other calls: see whether docker info "
                    + "answers, and restart the daemon if it hangs)";
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "Testcontainers, which starts the labs' containers, could not use the daemon: " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while Testcontainers looked for the daemon";
        }
    }

    /** Where the daemon answers: the address Testcontainers connected to once it has, else DOCKER_HOST or the system's socket. */
    private static String dockerHost(Engine daemon) {
        if (daemon.dockerHost() != null) {
            return daemon.dockerHost().toString();
        }
        String requested = daemon.requestedHost();
        return requested != null ? requested : "unix://" + candidateSockets().get(0);
    }

    /** The sockets Testcontainers looks for when DOCKER_HOST is not set. */
    private static List<Path> candidateSockets() {
        return DaemonAddress.candidateSockets();
    }

    /** True when the daemon's address looks local (a unix socket, not Desktop's): what a forced direct probe needs at least. */
    private static boolean daemonIsLocal(String dockerHost, EngineInfo engine) {
        return dockerHost.startsWith("unix://") && (engine == null || !engine.desktop());
    }

    /** Checks the address itself first: Testcontainers would try its other strategies for minutes, or find another daemon. */
    private static String dockerError(Engine daemon) {
        String set = daemon.requestedHost();
        List<Path> sockets = candidateSockets();
        if (set == null && sockets.stream().noneMatch(Files::exists)) {
            return "no socket " + sockets.get(0) + " (nor rootless Docker's or Docker Desktop's: "
                    + String.join(", ", sockets.subList(1, sockets.size()).stream().map(Path::toString).toList())
                    + "): the daemon is not running, or not installed";
        }
        if (set != null && set.startsWith("unix://") && !Files.exists(Path.of(set.substring("unix://".length())))) {
            return "no socket " + set.substring("unix://".length()) + " (the daemon is not running, or not installed)";
        }
        if (set != null && set.startsWith("unix://")) {
            String silent = DaemonPing.problem(Path.of(set.substring("unix://".length())), Duration.ofMillis(CONNECT_LIMIT_MILLIS));
            if (silent != null) {
                return silent;
            }
        }
        if (set != null && set.startsWith("tcp://")) {
            URI uri = URI.create(set);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_LIMIT_MILLIS);
            } catch (IOException e) {
                return "nothing answers at " + uri.getHost() + ":" + uri.getPort() + " (" + e.getMessage() + ")";
            }
        }
        try {
            // Not Testcontainers' client(): it would start Ryuk first, pulling its image with minutes of retries.
            Trace.mark("preflight socket answers");
            String used = daemon.connect().toString();
            Trace.mark("preflight client made (Testcontainers' transport)");
            daemon.client().pingCmd().exec();
            Trace.mark("preflight pinged");
            if (set != null && !used.equals(set)) {
                return "Testcontainers reached " + used + " instead: unset DOCKER_HOST or make it answer";
            }
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(e.toString());
        }
    }

    /**
     * Whether each image the run needs (the labs' two, Ryuk's when it is on) is on the daemon or can be pulled:
     * checked together, once, each pull bounded by {@link ImagePull} (a registry that is not reached, or refuses,
     * is known in seconds; a pull that progresses shows it and may take its time).
     */
    private static Map<String, ImageProblem> imageProblems(Engine daemon, LabMode mode, ProbeChoice probes) {
        DockerClient client = daemon.client();
        Map<String, CompletableFuture<ImageProblem>> checks = new LinkedHashMap<>();
        boolean startsLabContainers = mode.startsLabContainers();
        if (startsLabContainers) {
            TestcontainersImages.needed(client, daemon.dockerHost()).forEach((logical, image) ->
                    checks.put(logical, check(daemon, image, image + (TestcontainersImages.RYUK.equals(logical)
                            ? " (Testcontainers' reaper, Ryuk)" : " (Testcontainers' look-up of the daemon's gateway)"))));
        }
        // The learner mode runs no nginx of its own: only alpine, for the daemon-side probe's helper, if it needs one.
        List<LabImage> images = startsLabContainers ? List.of(LabImage.values())
                : probes.needsHelper() ? List.of(LabImage.ALPINE) : List.of();
        for (LabImage image : images) {
            String logical = image.name().toLowerCase(Locale.ROOT);
            try {
                checks.put(logical, check(daemon, image.resolved().asCanonicalNameString(), image.describe()));
            } catch (IllegalArgumentException e) {
                checks.put(logical, CompletableFuture.completedFuture(
                        new ImageProblem(image.environmentVariable(), ImageProblem.Cause.BAD_NAME, e.getMessage())));
            }
        }
        Map<String, ImageProblem> problems = new LinkedHashMap<>();
        checks.forEach((logical, check) -> {
            ImageProblem problem = check.join();
            if (problem != null) {
                problems.put(logical, problem);
            }
        });
        return problems;
    }

    private static CompletableFuture<ImageProblem> check(Engine daemon, String name, String described) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ImagePull.Outcome outcome = ImagePull.presentOrPulled(daemon.client(), daemon::puller, name, System.err::println);
                return outcome.available() ? null : ImageProblem.fromAnswer(described, outcome.answer(), outcome.stalled());
            } catch (RuntimeException e) {
                return ImageProblem.fromAnswer(described, String.valueOf(e.getMessage()), false);
            }
        }, Observer::inADaemonThread);
    }

    private static void inADaemonThread(Runnable task) {
        Thread thread = new Thread(task, "docker-labs-image-check");
        thread.setDaemon(true);
        thread.start();
    }

    /** With the direct probe (forced): can this process read what it must? */
    private static String hostProblem(String dockerHost, EngineInfo engine) {
        if (!daemonIsLocal(dockerHost, engine)) {
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
