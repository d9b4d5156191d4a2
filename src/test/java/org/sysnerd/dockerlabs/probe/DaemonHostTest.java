package org.sysnerd.dockerlabs.probe;

import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.sysnerd.dockerlabs.docker.AlpineLab;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.GraphDriverDirs;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.facts.Mount;
import org.sysnerd.dockerlabs.facts.OverlayMount;
import org.sysnerd.dockerlabs.junit.NeedsDocker;
import org.sysnerd.dockerlabs.parse.IpJsonParser;
import org.sysnerd.dockerlabs.parse.MountInfoParser;

/**
 * The daemon-side probe MUST read the daemon's host as root reads it from the host: run as root, its
 * answers MUST equal the direct probe's for a container's net namespace and command name, the nat table,
 * the host's interfaces, overlay2's short links, paths that do or do not exist, and the host's mount
 * table, which MUST show a container's rootfs mounted after the helper started. Run as a member of the
 * docker group who is not root, the direct probe MUST be refused another user's ns link, iptables and
 * the daemon's data root, and the daemon-side probe MUST still read them (checked against what
 * {@code docker inspect} and {@code docker exec} say, which the docker group may use).
 */
@DisplayName("The daemon-side probe")
// A kit test that needs a daemon: skipped, saying so, where there is none (the labs then report "blocked").
@NeedsDocker
class DaemonHostTest {

    private static final Duration RACE_LIMIT = Duration.ofSeconds(10);

    @AutoClose
    static DaemonHost probe;
    /** The host the probe reaches. */
    static Host daemon;
    /** The run the helpers and the target belong to: one of this test's own. */
    static final LabRun RUN = new LabRun();
    /** The test's own client of the daemon. */
    static final Engine ENGINE = new Engine();
    @AutoClose
    static AlpineLab target;
    static final Host direct = DirectHost.host("the test compares it with the daemon-side probe");
    static long pid;
    static GraphDriverDirs dirs;
    static EngineInfo engine;

    @BeforeAll
    static void startTheHelperThenATargetContainer(TestReporter reporter) {
        long start = System.nanoTime();
        probe = DaemonHost.start(RUN, ENGINE);
        daemon = probe.host();
        reporter.publishEntry("helper started", millisSince(start) + " ms: " + daemon.describe());
        // Started after the helper: its rootfs mount is one the helper's own mount namespace never saw.
        target = new AlpineLab(RUN, "probe", "target", "sleep", "300");
        target.start();
        pid = ENGINE.client().inspectContainerCmd(target.getContainerId()).exec().getState().getPidLong();
        engine = ENGINE.info();
        dirs = GraphDriverDirs.of(target.getContainerId(), ENGINE);
    }

    @Test
    @DisplayName("runs one helper: host namespaces (PID, net, cgroup), / read-only, four capabilities, labelled, time-limited")
    @SuppressWarnings("unchecked")
    void runs_a_least_privileged_helper() {
        Map<String, Object> helper = ENGINE.inspectRaw(probe.containerId());
        Map<String, Object> config = (Map<String, Object>) helper.get("HostConfig");
        Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) helper.get("Config")).get("Labels");
        // The capabilities its PID 1 really has: inspect's CapDrop/CapAdd differ between engines (Docker: ALL and
        // the four; Podman: its defaults dropped and only those not among them added), the kernel's view does not.
        long helperPid = ((Number) ((Map<String, Object>) helper.get("State")).get("Pid")).longValue();
        long capEff = direct.read("/proc/" + helperPid + "/status").lines().filter(l -> l.startsWith("CapEff:"))
                .map(l -> Long.parseUnsignedLong(l.substring("CapEff:".length()).strip(), 16)).findFirst().orElse(-1L);

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(config.get("Privileged")).as("HostConfig.Privileged").isEqualTo(false);
            soft.assertThat(Long.toHexString(capEff)).as("CapEff of the helper's PID %d (grep CapEff /proc/%d/status): "
                    + "NET_ADMIN (12), NET_RAW (13), SYS_CHROOT (18), SYS_PTRACE (19) only", helperPid, helperPid)
                    .isEqualTo(Long.toHexString(1L << 12 | 1L << 13 | 1L << 18 | 1L << 19));
            soft.assertThat(config).as("HostConfig").containsEntry("PidMode", "host").containsEntry("NetworkMode", "host")
                    .containsEntry("CgroupnsMode", "host").containsEntry("AutoRemove", true)
                    .containsEntry("ReadonlyRootfs", true);
            soft.assertThat((List<Map<String, Object>>) helper.get("Mounts")).as("Mounts").singleElement()
                    .satisfies(m -> assertThat(m).containsEntry("Source", "/").containsEntry("Destination", DaemonHost.ROOT)
                            .containsEntry("RW", false));
            soft.assertThat(labels).as("Config.Labels").containsEntry(LabRun.RUN_LABEL, RUN.id())
                    .containsEntry(LabRun.LAB_LABEL, "probe");
            soft.assertThat((List<String>) ((Map<String, Object>) helper.get("Config")).get("Cmd")).as("Config.Cmd")
                    .containsExactly("sleep", String.valueOf(DaemonHost.LIFETIME.toSeconds()));
        });
    }

    @Test
    @DisplayName("tells where the daemon's host is: this machine's kernel exactly when its containers are this machine's processes")
    void tells_where_the_daemon_host_is(TestReporter reporter) {
        DaemonPlace place = probe.place();
        reporter.publishEntry("daemon's host", place.describe());

        assertThat(place.thisKernel()).as("same boot id (%s)", place.describe()).isEqualTo(daemonIsLocal());
    }

    @Test
    @DisplayName("removes its helper on close")
    void removes_its_helper_on_close() {
        DaemonHost another = DaemonHost.start(RUN, ENGINE);
        String id = another.containerId();
        another.close();

        assertThat(ENGINE.client().listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec())
                .as("containers with the closed helper's id %s", id).isEmpty();
    }

    @Test
    @DisplayName("reads the host's mount table, with a rootfs mounted after the helper started")
    void reads_the_host_mount_table() {
        assertThat(mountPoints(daemon)).as("mount points in the daemon-side /proc/self/mountinfo")
                .contains(dirs.mergedDir());
    }

    @Test
    @DisplayName("resolves overlay2's short links as docker inspect does")
    void resolves_short_links() {
        assertThat(daemon.realPath(firstLowerDir())).as("realpath of the rootfs's first lowerdir")
                .isEqualTo(dirs.lowerDirs().get(0));
    }

    @Test
    @DisplayName("resolves all of an overlay's short links in one go, in order, as docker inspect lists them")
    void resolves_short_links_at_once() {
        assertThat(daemon.realPaths(lowerDirLinks())).as("realpath -e of every lowerdir of the rootfs")
                .isEqualTo(dirs.lowerDirs());
    }

    @Test
    @DisplayName("reads several files in one go, each as it reads it alone; one missing fails as reading it alone does")
    void reads_several_files_at_once() {
        List<String> files = List.of("/proc/" + pid + "/comm", "/proc/" + pid + "/cgroup", "/proc/sys/kernel/random/boot_id");
        assertThat(daemon.readAll(files)).as("cat of %s, each", files).isEqualTo(files.stream().map(daemon::read).toList());
        String absent = "/proc/" + pid + "/docker-labs-no-such-file";
        String alone = catchThrowableOfType(HostFactUnavailable.class, () -> daemon.read(absent)).getMessage();
        assertThatThrownBy(() -> daemon.readAll(List.of(files.get(0), absent))).isInstanceOf(HostFactUnavailable.class)
                .hasMessage(alone);
    }

    @Nested
    @DisplayName("run as root, agrees with the direct probe")
    class AsRoot {

        @BeforeEach
        void onlyAsRoot() {
            assumeTrue(uid() == 0, "the direct probe sees all of the host only as root; this JVM is uid " + uid());
            assumeTrue(probe.place().thisHost(), "the daemon's host is not this process's (" + probe.place().describe()
                    + "): the direct probe has nothing to compare");
        }

        @Test
        @DisplayName("on a container's net namespace, and the host's")
        void on_net_namespaces() {
            String link = "/proc/" + pid + "/ns/net";
            assertThat(daemon.readLink(link)).as("readlink %s", link).isEqualTo(direct.readLink(link));
            assertThat(daemon.readLink("/proc/self/ns/net")).as("readlink /proc/self/ns/net")
                    .isEqualTo(direct.readLink("/proc/self/ns/net"));
        }

        @Test
        @DisplayName("on a container's command name")
        void on_a_command_name() {
            String comm = "/proc/" + pid + "/comm";
            assertThat(daemon.read(comm)).as("cat %s", comm).isEqualTo(direct.read(comm));
        }

        @Test
        @DisplayName("on a container's cgroups, full paths from the host's cgroup namespace")
        void on_cgroups() {
            String cgroup = "/proc/" + pid + "/cgroup";
            assertThat(daemon.read(cgroup)).as("cat %s", cgroup).contains(target.getContainerId())
                    .isEqualTo(direct.read(cgroup));
        }

        @Test
        @DisplayName("on the nat table, packet counters aside")
        void on_the_nat_table() {
            List<String> command = List.of("iptables", "-t", "nat", "-S", "-v");
            // Other runs may add or remove rules between the two reads: retry until one pair agrees.
            await("the same nat table from both probes").atMost(RACE_LIMIT).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(withoutCounters(daemon.run(command)))
                            .as("iptables -t nat -S -v").isEqualTo(withoutCounters(direct.run(command))));
        }

        @Test
        @DisplayName("on the host's interfaces")
        void on_the_interfaces() {
            List<String> command = List.of("ip", "-j", "-d", "addr", "show");
            await("the same interfaces from both probes").atMost(RACE_LIMIT).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(links(daemon.run(command))).as("ifindex: name of ip -j -d addr show")
                            .isNotEmpty().isEqualTo(links(direct.run(command))));
        }

        @Test
        @DisplayName("on where an overlay2 short link points")
        void on_a_short_link() {
            String link = firstLowerDir();
            assertThat(daemon.realPath(link)).as("realpath %s", link).isEqualTo(direct.realPath(link));
        }

        @Test
        @DisplayName("on whether a path exists")
        void on_existence() {
            String absent = dirs.upperDir() + "/docker-labs-no-such-file-" + target.name();
            assertThat(daemon.exists(dirs.upperDir())).as("test -e %s", dirs.upperDir()).isTrue()
                    .isEqualTo(direct.exists(dirs.upperDir()));
            assertThat(daemon.exists(absent)).as("test -e %s", absent).isFalse().isEqualTo(direct.exists(absent));
        }

        @Test
        @DisplayName("on the host's mount table, mount for mount")
        void on_the_mount_table() {
            // The helper's own mount table would differ: its rootfs, its /proc and /sys, no /run/docker/netns.
            await("the same mount points from both probes").atMost(RACE_LIMIT).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(mountPoints(daemon)).as("mount points of /proc/self/mountinfo")
                            .contains(dirs.mergedDir()).isEqualTo(mountPoints(direct)));
        }
    }

    @Nested
    @DisplayName("run as a docker-group user who is not root, reads what the direct probe cannot")
    class AsADockerGroupUser {

        @BeforeEach
        void onlyAsNonRoot() {
            assumeFalse(uid() == 0, "root reads everything directly; run testbeds/as-docker-group-user.sh");
            assumeTrue(daemonIsLocal(), "the daemon's host is not this machine: the direct probe has nothing to refuse");
        }

        @Test
        @DisplayName("a root container's net namespace")
        void a_root_containers_net_namespace(TestReporter reporter) throws Exception {
            String link = "/proc/" + pid + "/ns/net";
            HostFactUnavailable refused = catchThrowableOfType(HostFactUnavailable.class, () -> direct.readLink(link));
            String inside = target.execInContainer("readlink", "/proc/1/ns/net").getStdout().strip();

            assertThat(refused).as("the direct probe's readlink %s as uid %d", link, uid()).isNotNull();
            assertThat(daemon.readLink(link)).as("readlink %s vs the container's own readlink /proc/1/ns/net", link)
                    .isEqualTo(inside);
            reporter.publishEntry("direct", refused.getMessage());
        }

        @Test
        @DisplayName("the nat table")
        void the_nat_table(TestReporter reporter) {
            List<String> command = List.of("iptables", "-t", "nat", "-S", "-v");
            HostFactUnavailable refused = catchThrowableOfType(HostFactUnavailable.class, () -> direct.run(command));

            assertThat(refused).as("the direct probe's iptables -t nat -S -v as uid %d", uid()).isNotNull();
            assertThat(daemon.run(command)).as("iptables -t nat -S -v through the daemon")
                    .contains("-P PREROUTING ACCEPT");
            reporter.publishEntry("direct", refused.getMessage());
        }

        @Test
        @DisplayName("where an overlay2 short link points")
        void a_short_link(TestReporter reporter) {
            String link = firstLowerDir();
            HostFactUnavailable refused = catchThrowableOfType(HostFactUnavailable.class, () -> direct.realPath(link));

            assertThat(refused).as("the direct probe's realpath %s as uid %d", link, uid()).isNotNull();
            assertThat(daemon.realPath(link)).as("realpath %s vs GraphDriver.Data.LowerDir", link)
                    .isEqualTo(dirs.lowerDirs().get(0));
            reporter.publishEntry("direct", refused.getMessage());
        }
    }

    /** The rootfs's first lowerdir as the mount table names it: an overlay2 short link ({@code l/<id>}). */
    static String firstLowerDir() {
        return lowerDirLinks().get(0);
    }

    /** The rootfs mount's lower dirs as its options name them (overlay2's short links), absolute. */
    static List<String> lowerDirLinks() {
        assumeFalse(engine.containerdStore(), "the containerd store has no overlay2 short links");
        Mount rootfs = MountInfoParser.parse(daemon.read("/proc/self/mountinfo")).stream()
                .filter(m -> m.mountPoint().equals(dirs.mergedDir())).findFirst().orElseThrow();
        return OverlayMount.of(rootfs).lowerDirs().stream().map(lower -> lower.startsWith("/") ? lower
                : engine.dockerRootDir() + "/" + engine.storageDriver() + "/" + lower).toList();
    }

    static Set<String> mountPoints(Host host) {
        return MountInfoParser.parse(host.read("/proc/self/mountinfo")).stream().map(Mount::mountPoint)
                .collect(Collectors.toSet());
    }

    static Set<String> links(String json) {
        return IpJsonParser.links(json).stream().map(l -> l.ifindex() + ": " + l.name()).collect(Collectors.toSet());
    }

    static String withoutCounters(String rules) {
        return rules.replaceAll(" -c \\d+ \\d+", "");
    }

    /** True when the target's host PID is a process of this machine that names the container in its cgroup. */
    static boolean daemonIsLocal() {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cgroup")).contains(target.getContainerId());
        } catch (IOException e) {
            return false;
        }
    }

    static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new IllegalStateException("cannot tell this JVM's uid from /proc/self", e);
        }
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
