package org.sysnerd.dockerlabs.probe;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.Exec;
import org.sysnerd.dockerlabs.docker.LabImage;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.docker.Libpod;
import org.sysnerd.dockerlabs.facts.AppArmorLabel;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.facts.TimeScale;
import org.sysnerd.dockerlabs.journal.Journal;
import org.sysnerd.dockerlabs.journal.Trace;

/**
 * The daemon's host seen through the daemon, for a learner in the docker group who is not root: one
 * short-lived helper container in the host's PID and network namespaces, with the host's root read-only
 * at {@code /host}, runs the host's own tools ({@code chroot /host /usr/bin/env <tool>}), one
 * {@code docker exec} per read. Like {@code docker run -d --rm --pid=host --network=host --cgroupns=host -v /:/host:ro
 * --cap-drop ALL --cap-add SYS_PTRACE --cap-add SYS_CHROOT --cap-add NET_ADMIN --cap-add NET_RAW
 * --security-opt no-new-privileges --read-only alpine sleep 600}. No {@code --privileged}, which fails on
 * some hosts. Where the engine confines containers with AppArmor ({@link EngineInfo#appArmor}), the helper runs
 * {@code --security-opt apparmor=unconfined}: {@code docker-default} lets a container read the ns links of processes
 * under the same profile only ({@code ptrace (read) peer=docker-default}), and the helper must read those of the
 * host's own, unconfined processes (its containerd-shim's mount namespace, to tell where the daemon's host is).
 * Measured on Debian 13 (Docker 26.1.5, AppArmor enforcing): without it {@code readlink /proc/<shim>/ns/mnt} exits 1
 * and the kernel logs {@code apparmor="DENIED" operation="ptrace" profile="docker-default" comm="readlink"
 * requested_mask="read" denied_mask="read" peer="unconfined"}. It stays without capabilities beyond the four,
 * with no-new-privileges, a read-only root and the host's root read-only: AppArmor's profile is the only fence lifted.
 */
public final class DaemonHost implements Host, AutoCloseable {

    /** How long a helper lives: it runs {@code sleep}, then exits and the daemon removes it (auto-remove). */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** How long one read or command may take. */
    public static final Duration EXEC_LIMIT = TimeScale.of(Duration.ofSeconds(10));
    /** Where the host's root is mounted in the helper, read-only. */
    public static final String ROOT = "/host";

    // SYS_PTRACE: /proc/<pid>/ns/* of processes with other capabilities; SYS_CHROOT: chroot /host;
    // NET_ADMIN: iptables(-nft) reads the ruleset over netlink; NET_RAW: iptables-legacy's raw socket.
    private static final Capability[] CAPABILITIES = {Capability.SYS_PTRACE, Capability.SYS_CHROOT,
            Capability.NET_ADMIN, Capability.NET_RAW};
    // The host's tools by an absolute path: BusyBox's chroot may prefer its own applet for a bare name
    // (Debian's busybox-static runs its `ip` for `chroot /host ip`); env then looks the tool up on the host.
    private static final List<String> HOST_TOOL = List.of("chroot", ROOT, "/usr/bin/env");
    private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** A process's AppArmor label (kernels with AppArmor only; {@code attr/current} is any security module's). */
    private static final String APPARMOR_LABEL = "/proc/self/attr/apparmor/current";
    private static final Pattern MOUNT_TABLE = Pattern.compile("/proc/self/(mountinfo|mounts|mountstats)");

    private final Engine engine;
    private final DockerClient client;
    private final String image;
    /** The run whose helper this is: a helper made again carries its name and labels too. */
    private final LabRun run;
    /** The helper and what it told, shared by this probe's views for each lab ({@link #journaling}). */
    private final State state;
    /** Where the commands this view runs are recorded. */
    private final Journal journal;

    /** The helper and what it told; guarded by itself. */
    private static final class State {
        private Helper helper;
        private boolean closed;
        private DaemonPlace place;
        private volatile String reason = "chosen";
    }

    /** A started helper: its container, and the process whose mount table is the host's (see {@link #hostPath}). */
    private record Helper(String id, String name, long mountTablePid, Instant expires) {
    }

    private DaemonHost(LabRun run, Engine engine) {
        this.engine = engine;
        this.client = engine.client();
        // The suite's alpine, through Testcontainers' substitutor and pull policy, like the labs' containers.
        this.image = LabImage.ALPINE.resolved().asCanonicalNameString();
        this.run = run;
        this.journal = Journal.NONE;
        this.state = new State();
        state.helper = startHelper();
        Trace.mark("probe helper started");
    }

    private DaemonHost(DaemonHost probe, Journal journal) {
        this.engine = probe.engine;
        this.client = probe.client;
        this.image = probe.image;
        this.run = probe.run;
        this.state = probe.state;
        this.journal = journal;
    }

    @Override
    public Host journaling(Journal journal) {
        return new DaemonHost(this, journal);
    }

    /** Starts the helper container on the daemon Testcontainers talks to. */
    public static DaemonHost start(LabRun run, Engine engine) {
        return new DaemonHost(run, engine);
    }

    @Override
    public String read(String path) {
        Helper current = current();
        return logged("cat " + path, succeeded(onHost(current, "cat", hostPath(current, path)), "cat " + path));
    }

    @Override
    public String readLink(String path) {
        return logged("readlink " + path, succeeded(onHost(current(), "readlink", "-v", path), "readlink " + path).strip());
    }

    @Override
    public String realPath(String path) {
        return logged("realpath " + path, succeeded(onHost(current(), "realpath", "-e", path), "realpath -e " + path).strip());
    }

    @Override
    public boolean exists(String path) {
        // test prints nothing: exit 1 with a message is chroot or env failing, not an absent path.
        Result result = onHost(current(), "test", "-e", path);
        if (result.exitCode() > 1 || !result.stderr().isBlank()) {
            throw unavailable("test -e " + path, result);
        }
        logged("test -e " + path + " && echo yes", result.exitCode() == 0 ? "yes" : "");
        return result.exitCode() == 0;
    }

    @Override
    public String run(List<String> command) {
        String line = String.join(" ", command);
        return logged(line, succeeded(onHost(current(), command.toArray(String[]::new)), line));
    }

    @Override
    public String httpGet(String address, int port) {
        String uri = "http://" + address + ":" + port + "/";
        AtomicReference<String> last = new AtomicReference<>();
        try {
            String page = Awaitility.await("an HTTP answer at " + uri + " on the daemon's host").atMost(Http.LIMIT)
                    .pollDelay(Duration.ZERO).pollInterval(Http.POLL).until(() -> {
                        Result result = requested(address, port);
                        String body = HttpResponse.body(result.stdout());
                        last.set(body != null ? "" : result.stdout().isBlank() ? result.stderr().strip()
                                : result.stdout().lines().findFirst().orElse(""));
                        return body;
                    }, Objects::nonNull);
            return logged(request(address, port).get(2), page);
        } catch (ConditionTimeoutException e) {
            if (last.get() == null) {
                throw helperSilent(uri);
            }
            throw new AssertionError("GET " + uri + " from the daemon's host failed for " + Http.LIMIT.toSeconds()
                    + " s: " + (last.get().isBlank() ? "no answer" : last.get())
                    + "\nSee it yourself, on the daemon's host: curl -sv " + uri);
        }
    }

    @Override
    public boolean httpAnswers(String address, int port) {
        String uri = "http://" + address + ":" + port + "/";
        AtomicBoolean asked = new AtomicBoolean();
        try {
            Awaitility.await("an HTTP answer at " + uri + " on the daemon's host").atMost(Http.LIMIT)
                    .pollDelay(Duration.ZERO).pollInterval(Http.POLL).until(() -> {
                        Result result = requested(address, port);
                        asked.set(true);
                        return HttpResponse.status(result.stdout()) > 0;
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            if (!asked.get()) {
                throw helperSilent(uri);
            }
            return false;
        }
    }

    /** One request from the helper; a helper that cannot send it (no {@code nc}) cannot tell whether anything answers. */
    private Result requested(String address, int port) {
        Result result = exec(current(), request(address, port));
        if (result.exitCode() == 126 || result.exitCode() == 127) {
            throw unavailable("nc (BusyBox's, in the helper's image)", result);
        }
        return result;
    }

    private HostFactUnavailable helperSilent(String uri) {
        return new HostFactUnavailable("the helper did not send GET " + uri + " within " + Http.LIMIT.toSeconds()
                + " s: the Docker daemon did not run its exec (is it answering? docker info)");
    }

    /**
     * One HTTP/1.0 GET with the helper's own BusyBox {@code nc}, from the host's network namespace, never
     * through a proxy. Not BusyBox {@code wget}: a static glibc BusyBox looks the scheme up in NSS and crashes
     * in an image without NSS (the stand-in alpine).
     */
    private static List<String> request(String address, int port) {
        return List.of("sh", "-c", "printf 'GET / HTTP/1.0\\r\\nHost: " + address + ":" + port
                + "\\r\\nConnection: close\\r\\n\\r\\n' | nc -w 3 " + address + " " + port);
    }

    @Override
    public String describe() {
        Helper current = current();
        return "through the daemon (helper container " + current.name() + (engine.info().podman() ? " made with libpod's API" : "") + ", " + image
                + ": --pid=host --network=host --cgroupns=host, / read-only at " + ROOT + ", capabilities "
                + List.of(CAPABILITIES) + (engine.info().appArmor() ? ", apparmor=unconfined" : "") + "), because " + state.reason;
    }

    /** Says why this probe is used, for the report; returns this. */
    public DaemonHost because(String why) {
        state.reason = why;
        return this;
    }

    /**
     * Where the daemon's host is: its boot id and the namespaces of its containers' host side, read with one
     * exec in the helper ({@code --pid=host --network=host}; the mount namespace is that of its containerd-shim,
     * see {@link #hostPath}), against this process's own.
     */
    public DaemonPlace place() {
        synchronized (state) {
            if (state.place == null) {
                Helper current = current();
                String script = "cat /proc/sys/kernel/random/boot_id && readlink /proc/self/ns/net && readlink /proc/self/ns/pid"
                        + " && readlink /proc/" + current.mountTablePid() + "/ns/mnt";
                String seen = logged(script, succeeded(exec(current, List.of("sh", "-c", script)), script));
                state.place = new DaemonPlace(DaemonPlace.Identity.parse(seen), DaemonPlace.Identity.ofThisProcess());
                Trace.mark("probe identity read through the helper");
            }
            return state.place;
        }
    }

    /** The helper container's id, e.g. for {@code docker inspect}. */
    String containerId() {
        return current().id();
    }

    /** Removes the helper now (it would go by itself after {@link #LIFETIME}). */
    @Override
    public void close() {
        synchronized (state) {
            state.closed = true;
            removeHelper();
        }
    }

    /**
     * The path to read in the helper. {@code /proc/self/mountinfo} there is the helper's own mount
     * namespace: a copy of the daemon's made at the helper's creation, which follows the host only where a
     * mount is shared (Docker shares its data root, not {@code /run}) and adds the helper's own rootfs with
     * its /proc, /sys and /dev. The host's table is read from {@code /proc/<pid>/mountinfo} of the helper's
     * parent, its containerd-shim (conmon on Podman): the runtime must run where the daemon mounts every rootfs,
     * or it could not start the containers (here that table equals the host shell's, line for line). Host PID 1 would
     * be the usual choice, but under Docker Desktop (LinuxKit) the daemon has a mount namespace of its own.
     * Reading mountinfo needs no ptrace access. Other {@code /proc/self} files stay the helper's: its net
     * and PID namespaces are the host's, and under AppArmor it may not look into the unconfined shim's.
     */
    private static String hostPath(Helper helper, String path) {
        Matcher mountTable = MOUNT_TABLE.matcher(path);
        return mountTable.matches() ? "/proc/" + helper.mountTablePid() + "/" + mountTable.group(1) : path;
    }

    private Result onHost(Helper helper, String... command) {
        List<String> line = new ArrayList<>(HOST_TOOL);
        line.addAll(List.of(command));
        return exec(helper, line);
    }

    private Helper startHelper() {
        String name = run.containerName("probe", "host");
        Map<String, String> labels = run.labels("probe");
        List<String> command = List.of("sleep", String.valueOf(LIFETIME.toSeconds()));
        EngineInfo info = engine.info();
        // --cgroupns=host: in a namespace of its own (cgroup v2's default) /proc/<pid>/cgroup gives paths relative to it.
        // Podman's Docker-compatible create ignores it (see Libpod#create): there the helper is made with libpod's.
        String id = run.creating(() -> info.podman()
                ? Libpod.create(engine, podmanSpec(name, image, labels, command, info))
                : client.createContainerCmd(image).withName(name).withLabels(labels).withCmd(command)
                        .withHostConfig(HostConfig.newHostConfig().withPidMode("host").withNetworkMode("host")
                                .withCgroupnsMode("host").withBinds(new Bind("/", new Volume(ROOT), AccessMode.ro))
                                .withCapDrop(Capability.ALL).withCapAdd(CAPABILITIES)
                                .withSecurityOpts(securityOptions(info)).withReadonlyRootfs(true).withAutoRemove(true))
                        .exec().getId());
        try {
            client.startContainerCmd(id).exec();
            Instant expires = Instant.now().plus(LIFETIME);
            long pid = client.inspectContainerCmd(id).exec().getState().getPidLong();
            Helper started = new Helper(id, name, 0, expires);
            String status = succeeded(exec(started, List.of("cat", "/proc/" + pid + "/status")), "cat /proc/" + pid + "/status");
            Matcher parent = Pattern.compile("(?m)^PPid:\\s*(\\d+)").matcher(status);
            if (!parent.find()) {
                throw new HostFactUnavailable("the helper's /proc/" + pid + "/status names no parent:\n" + status);
            }
            return new Helper(id, name, Long.parseLong(parent.group(1)), expires);
        } catch (RuntimeException e) {
            remove(id);
            throw e;
        }
    }

    /**
     * The same helper in libpod's terms (its SpecGenerator): {@code podman create --pid=host --network=host --cgroupns=host
     * -v /:/host:ro --cap-drop ALL --cap-add ... --security-opt no-new-privileges --read-only --rm}, and
     * {@code apparmor=unconfined} where AppArmor confines containers.
     */
    static Map<String, Object> podmanSpec(String name, String image, Map<String, String> labels, List<String> command,
                                          EngineInfo engine) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        spec.put("image", image);
        spec.put("command", command);
        spec.put("labels", labels);
        spec.put("pidns", Map.of("nsmode", "host"));
        spec.put("netns", Map.of("nsmode", "host"));
        spec.put("cgroupns", Map.of("nsmode", "host"));
        spec.put("mounts", List.of(Map.of("type", "bind", "source", "/", "destination", ROOT, "options", List.of("rbind", "ro"))));
        spec.put("cap_drop", List.of("ALL"));
        spec.put("cap_add", Arrays.stream(CAPABILITIES).map(Capability::name).toList());
        spec.put("no_new_privileges", true);
        spec.put("read_only_filesystem", true);
        spec.put("remove", true);
        if (engine.appArmor()) {
            spec.put("apparmor_profile", "unconfined");
        }
        return spec;
    }

    /** {@code no-new-privileges}, and {@code apparmor=unconfined} where AppArmor confines containers (see the class). */
    static List<String> securityOptions(EngineInfo engine) {
        return engine.appArmor() ? List.of("no-new-privileges", "apparmor=unconfined") : List.of("no-new-privileges");
    }

    /** The helper, replaced by a fresh one when it would expire during the next exec. */
    private Helper current() {
        synchronized (state) {
            return currentHelper();
        }
    }

    private Helper currentHelper() {
        if (state.closed) {
            throw new IllegalStateException("this DaemonHost is closed");
        }
        if (Instant.now().plus(EXEC_LIMIT).plusSeconds(5).isAfter(state.helper.expires())) {
            remove(state.helper.id());
            try {
                state.helper = startHelper();
            } catch (HostFactUnavailable e) {
                throw e;
            } catch (RuntimeException e) {
                // The daemon refused or dropped the new helper: the host cannot be read, which is not the lab's fact failing.
                throw new HostFactUnavailable("the helper that reads the daemon's host could not be made again after its "
                        + LIFETIME.toMinutes() + " min: " + e.getMessage(), e);
            }
        }
        return state.helper;
    }

    private Result exec(Helper target, List<String> command) {
        try {
            Exec.Result result = Exec.run(client, target.id(), command, List.of(PATH), EXEC_LIMIT);
            return new Result(target, String.join(" ", command), result.exitCode(), result.stdout(), result.stderr());
        } catch (HostFactUnavailable e) {
            throw new HostFactUnavailable("helper " + target.name() + ": " + e.getMessage(), e);
        }
    }

    private void removeHelper() {
        synchronized (state) {
            if (state.helper != null) {
                remove(state.helper.id());
            }
        }
    }

    private void remove(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException | ConflictException goneOrGoing) {
            // auto-removed after its sleep, or the daemon is removing it already
        }
    }

    private String succeeded(Result result, String what) {
        if (result.exitCode() != 0) {
            throw unavailable(what, result);
        }
        return result.stdout();
    }

    private HostFactUnavailable unavailable(String what, Result result) {
        String seen = "`" + what + "` exited " + result.exitCode() + " on the daemon's host (`" + result.command()
                + "` in helper " + result.helper().name() + "): " + result.stderr().strip();
        if (!result.stderr().contains("Permission denied")) {
            return new HostFactUnavailable(seen);
        }
        String why;
        try {
            why = deniedWhy(label(result.helper()), engine.info(), result.helper().name());
        } catch (HostFactUnavailable | IllegalArgumentException e) {
            why = "the kernel denied it, and the helper's AppArmor label could not be read to tell why: " + e.getMessage();
        }
        return new HostFactUnavailable(seen + "\nWhy: " + why);
    }

    /** The helper's AppArmor label, read only to explain a denial: empty where the kernel runs no AppArmor. */
    private Optional<AppArmorLabel> label(Helper target) {
        Result read = exec(target, List.of("cat", APPARMOR_LABEL));
        Optional<AppArmorLabel> label = AppArmorLabel.ofRead(read.exitCode(), read.stdout());
        logged("cat " + APPARMOR_LABEL + " (in the helper)", label.map(AppArmorLabel::toString).orElse(read.stderr().strip()));
        return label;
    }

    /**
     * Why the helper was denied a read on the daemon's host, from what was seen: its AppArmor label (a profile that
     * enforces lets it read the /proc entries of processes under the same profile only), else a rootless engine's user
     * namespace (the helper's root is the learner's user on the host), else another security module.
     */
    static String deniedWhy(Optional<AppArmorLabel> label, EngineInfo engine, String helper) {
        if (label.isPresent() && label.get().enforced()) {
            return "the helper runs under AppArmor's profile " + label.get() + ", which likely lets it read the /proc"
                    + " entries of processes under that profile only (the kernel then logs apparmor=\"DENIED\" operation=\"ptrace\")."
                    + (engine.appArmor() ? " The kit asked for apparmor=unconfined, and the engine did not apply it."
                            : " The kit asks for apparmor=unconfined where `docker info` lists AppArmor among its security"
                            + " options; this engine confines containers without saying so.")
                    + "\nSee it yourself: docker inspect -f '{{.AppArmorProfile}}' " + helper
                    + "; on the daemon's host: journalctl -k | grep 'apparmor=\"DENIED\"'";
        }
        String apparmor = label.isEmpty() ? "not under AppArmor (the kernel runs none)"
                : label.get().equals(AppArmorLabel.UNCONFINED) ? "unconfined by AppArmor"
                : "under AppArmor's " + label.get() + ", which enforces nothing";
        if (engine.rootless()) {
            return "the helper is " + apparmor + "; it runs in the rootless engine's user namespace, where its root is"
                    + " your own user on the host, and the host's kernel denies that user what only the host's root may read."
                    + "\nSee it yourself, on the daemon's host: docker inspect -f '{{.HostConfig.UsernsMode}}' " + helper
                    + "; cat /proc/self/uid_map inside it";
        }
        return "the helper is " + apparmor + ", so something else denies it: another security module (SELinux:"
                + " getenforce) or a user namespace the host's processes are not in."
                + "\nSee it yourself, on the daemon's host: docker inspect -f '{{.HostConfig.SecurityOpt}} {{.HostConfig.UsernsMode}}' " + helper;
    }

    private String logged(String command, String output) {
        journal.record(command, output);
        return output;
    }

    private record Result(Helper helper, String command, long exitCode, String stdout, String stderr) {
    }
}
