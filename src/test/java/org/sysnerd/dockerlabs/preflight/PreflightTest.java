package org.sysnerd.dockerlabs.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.TestcontainersImages;
import org.sysnerd.dockerlabs.parse.Fixtures;

/**
 * {@link Preflight#decide} on what the Observer would have seen on several hosts; the engines are the
 * {@code docker info} outputs under {@code src/test/resources/preflight/} (see the README.md there).
 */
@DisplayName("The preflight blocks exactly the labs a host cannot check, with the cause and the fix")
class PreflightTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOCKET = "unix:///var/run/docker.sock";
    private static final Probe PROBE = Probe.chosen("direct (this process, user root)");
    private static final String DESKTOP_PROBLEM = "Docker Desktop runs the engine in a VM: its /proc, mounts, docker0 and "
            + "nat table are there, not here";
    private static final String BAD_OVERRIDE = "labs.image.nginx (or LABS_IMAGE_NGINX) is set to 'nginx::1.27', which is "
            + "not an image name: Unable to parse image name";

    /** The daemon's answers to a pull (fixtures/pull/, see the README there). */
    private static final String NO_SUCH_HOST = Fixtures.text("pull/no-such-host-recorded.txt").strip();
    private static final String TOO_MANY_REQUESTS = Fixtures.text("pull/toomanyrequests-recorded.txt").strip();
    private static final String UNAUTHORIZED = Fixtures.text("pull/unauthorized-recorded.txt").strip();
    private static final String MANIFEST_UNKNOWN = Fixtures.text("pull/manifest-unknown-recorded.txt").strip();

    /** A {@code docker info} fixture, read the way the Docker API client hands it over. */
    static EngineInfo engine(String fixture) {
        String resource = "/preflight/" + fixture;
        try (InputStream in = PreflightTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource + " on the test classpath");
            }
            return EngineInfo.fromJson(JSON.readValue(in, new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("the fixture " + resource + " is not a JSON object", e);
        }
    }

    /** What the Observer sees on a host where Docker answered with this engine and nothing else is wrong. */
    static Observations reached(EngineInfo engine) {
        return new Observations(SOCKET, null, engine, false, Map.of(), PROBE, null, null, null);
    }

    static Observations recorded() {
        return reached(engine("docker-20.10-recorded.json"));
    }

    /** Every need that some finding blocks. */
    static Set<Need> blocked(PreflightResult result) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        result.findings().forEach(f -> needs.addAll(f.blocks()));
        return needs;
    }

    @Test
    @DisplayName("Docker unreachable: one finding, which blocks every need")
    void unreachable_docker_blocks_every_need() {
        PreflightResult result = Preflight.decide(new Observations(SOCKET,
                "no socket /var/run/docker.sock (the daemon is not running, or not installed)", null, false, Map.of(), PROBE,
                null, null, null));

        assertThat(result.findings()).singleElement().extracting(Finding::blocks).isEqualTo(EnumSet.allOf(Need.class));
    }

    @Test
    @DisplayName("Docker unreachable: the finding says where and why, and its fix is to install and start Docker")
    void unreachable_docker_says_install() {
        Finding finding = Preflight.decide(new Observations("tcp://10.0.0.5:2375", "nothing answers at 10.0.0.5:2375 "
                + "(Connection refused)", null, false, Map.of(), PROBE, null, null, null)).findings().get(0);

        assertThat(finding.found()).isEqualTo("Docker is not reachable at tcp://10.0.0.5:2375: nothing answers at "
                + "10.0.0.5:2375 (Connection refused)");
        assertThat(finding.fix()).isEqualTo(Preflight.INSTALL_DOCKER).contains("apt install -y docker.io");
    }

    @Test
    @DisplayName("a healthy Docker 20.10 host (recorded here) blocks nothing")
    void healthy_20_10_blocks_nothing() {
        assertThat(Preflight.decide(recorded()).blocking()).isEmpty();
    }

    @Test
    @DisplayName("a healthy host's first finding names the engine and where it answered")
    void healthy_host_names_the_engine() {
        assertThat(Preflight.decide(recorded()).findings().get(0))
                .isEqualTo(Finding.ok("docker", "Docker 20.10.24+dfsg1 · overlay2 · cgroup v1 (cgroupfs) · iptables at " + SOCKET));
    }

    @Test
    @DisplayName("Docker 29 with the containerd image store and nftables blocks nothing by itself")
    void docker_29_containerd_nftables_blocks_nothing() {
        assertThat(Preflight.decide(reached(engine("docker-29-containerd-nftables.json"))).blocking()).isEmpty();
    }

    @Test
    @DisplayName("rootless Docker (SecurityOptions name=rootless) blocks the bridge and the nat table, nothing else")
    void rootless_blocks_bridge_and_nat() {
        assertThat(blocked(Preflight.decide(reached(engine("docker-rootless.json")))))
                .containsExactlyInAnyOrder(Need.BRIDGE, Need.NAT_TABLE);
    }

    @Test
    @DisplayName("rootless Docker on cgroup v1 (recorded here: no cgroups) also blocks the cgroup limits; fix: cgroup v2, delegation")
    void rootless_on_cgroup_v1_blocks_cgroup_limits() {
        PreflightResult result = Preflight.decide(reached(engine("docker-rootless-cgroup-v1-recorded.json")));

        assertThat(blocked(result)).containsExactlyInAnyOrder(Need.BRIDGE, Need.NAT_TABLE, Need.CGROUP_LIMITS);
        assertThat(result.blockerFor(Set.of(Need.CGROUP_LIMITS))).hasValueSatisfying(f -> {
            assertThat(f.found()).startsWith("rootless Docker on cgroup v1 (cgroup driver none) makes no cgroups");
            assertThat(f.fix()).isEqualTo(Preflight.ROOTLESS_CGROUPS);
        });
    }

    @Test
    @DisplayName("rootless Docker whose controllers are not delegated blocks the cgroup limits, naming docker info's fields")
    void rootless_without_delegated_controllers_blocks_cgroup_limits() {
        PreflightResult result = Preflight.decide(reached(engine("docker-rootless-undelegated.json")));

        assertThat(blocked(result)).contains(Need.CGROUP_LIMITS);
        assertThat(result.blockerFor(Set.of(Need.CGROUP_LIMITS))).map(Finding::found).hasValueSatisfying(
                found -> assertThat(found).contains("not delegated").contains("MemoryLimit false, CpuCfsQuota false"));
    }

    @Test
    @DisplayName("rootless Docker on cgroup v2 with its controllers delegated does not block the cgroup limits")
    void rootless_with_delegated_controllers_keeps_cgroup_limits() {
        assertThat(blocked(Preflight.decide(reached(engine("docker-rootless.json"))))).doesNotContain(Need.CGROUP_LIMITS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"podman.json", "podman-4.3.1-recorded.json"})
    @DisplayName("Podman's Docker-compatible API blocks nothing: each lab reads its primitive in Podman's names")
    void podman_blocks_nothing(String fixture) {
        Observations podman = new Observations(SOCKET, null, engine(fixture), true, Map.of(), PROBE, null, null, null);

        assertThat(Preflight.decide(podman).blocking()).isEmpty();
        assertThat(Preflight.decide(podman).findings().get(0).found()).startsWith("Podman ");
    }

    @Test
    @DisplayName("rootless Podman (Rootless: true) on cgroup v1 blocks the bridge, the nat table and the cgroup limits, in Podman's words")
    void rootless_podman_blocks_bridge_and_nat() {
        PreflightResult result = Preflight.decide(reached(engine("podman-rootless.json")));

        assertThat(blocked(result)).containsExactlyInAnyOrder(Need.BRIDGE, Need.NAT_TABLE, Need.CGROUP_LIMITS);
        assertThat(result.blockerFor(Set.of(Need.CGROUP_LIMITS))).hasValueSatisfying(f -> assertThat(f.found())
                .startsWith("rootless Podman on cgroup v1"));
        assertThat(result.blockerFor(Set.of(Need.BRIDGE))).hasValueSatisfying(f -> assertThat(f.found()).contains("rootless Podman"));
    }

    @Test
    @DisplayName("the Docker Desktop fixture reads as Docker Desktop, which is what makes the Observer set a host problem")
    void desktop_fixture_is_desktop() {
        assertThat(engine("docker-desktop.json").desktop()).isTrue();
    }

    @Test
    @DisplayName("Docker Desktop (a host problem) blocks the host's /proc and mounts, with the cause as found")
    void desktop_blocks_host_proc_and_mounts() {
        PreflightResult result = Preflight.decide(new Observations(SOCKET, null, engine("docker-desktop.json"), false,
                Map.of(), PROBE, DESKTOP_PROBLEM, null, null));

        assertThat(blocked(result)).contains(Need.HOST_PROC, Need.HOST_MOUNTS);
        assertThat(result.blockerFor(Set.of(Need.HOST_PROC))).map(Finding::found).hasValue(DESKTOP_PROBLEM);
    }

    @Test
    @DisplayName("a bad nginx override blocks the nginx image only")
    void bad_nginx_override_blocks_nginx_only() {
        Observations seen = new Observations(SOCKET, null, engine("docker-20.10-recorded.json"), false,
                Map.of("nginx", new ImageProblem("LABS_IMAGE_NGINX", ImageProblem.Cause.BAD_NAME, BAD_OVERRIDE)), PROBE, null, null, null);

        assertThat(blocked(Preflight.decide(seen))).containsExactly(Need.NGINX_IMAGE);
    }

    @Test
    @DisplayName("a bad image override's message is kept verbatim, naming the property to fix")
    void bad_override_message_kept_verbatim() {
        Observations seen = new Observations(SOCKET, null, engine("docker-20.10-recorded.json"), false,
                Map.of("nginx", new ImageProblem("LABS_IMAGE_NGINX", ImageProblem.Cause.BAD_NAME, BAD_OVERRIDE)), PROBE, null, null, null);

        assertThat(Preflight.decide(seen).blocking()).singleElement().extracting(Finding::check, Finding::found)
                .containsExactly("image nginx", BAD_OVERRIDE);
    }

    @Test
    @DisplayName("an alpine image that cannot be had blocks the alpine image only")
    void missing_alpine_blocks_alpine_only() {
        Observations seen = new Observations(SOCKET, null, engine("docker-20.10-recorded.json"), false,
                Map.of("alpine", ImageProblem.fromAnswer("alpine:3.21.3", NO_SUCH_HOST, false)), PROBE,
                null, null, null);

        assertThat(blocked(Preflight.decide(seen))).containsExactly(Need.ALPINE_IMAGE);
    }

    @Test
    @DisplayName("a nat table that cannot be read blocks the nat table only")
    void nat_problem_blocks_the_nat_table() {
        Observations seen = new Observations(SOCKET, null, engine("docker-29-containerd-nftables.json"), false, Map.of(),
                PROBE, null, "nft: command not found", null);

        assertThat(blocked(Preflight.decide(seen))).containsExactly(Need.NAT_TABLE);
    }

    @Test
    @DisplayName("interfaces that cannot be read block the bridge only, with iproute2 as the fix")
    void links_problem_blocks_the_bridge() {
        Observations seen = new Observations(SOCKET, null, engine("docker-20.10-recorded.json"), false, Map.of(),
                PROBE, null, null, "could not run `ip -j -d addr show`: java.io.IOException: Cannot run program \"ip\"");

        PreflightResult result = Preflight.decide(seen);

        assertThat(blocked(result)).containsExactly(Need.BRIDGE);
        assertThat(result.blockerFor(Set.of(Need.BRIDGE))).hasValueSatisfying(f -> assertThat(f.fix()).contains("iproute2"));
    }

    @Test
    @DisplayName("a helper that could not start blocks every lab that reads the host, with one finding")
    void no_probe_blocks_every_host_need() {
        Observations seen = new Observations(SOCKET, null, engine("docker-20.10-recorded.json"), false, Map.of(),
                Probe.none(""), "the helper container that reads the daemon's host could not start: no such image", null, null);

        PreflightResult result = Preflight.decide(seen);

        assertThat(blocked(result)).containsExactlyInAnyOrder(Need.HOST_PROC, Need.HOST_MOUNTS, Need.NAT_TABLE, Need.BRIDGE);
        assertThat(result.blocking()).hasSize(1);
    }

    @Test
    @DisplayName("before the probe is chosen, only the daemon's side can block: containers may start")
    void the_daemon_side_alone_blocks_nothing_on_the_host() {
        Observations dockerSide = new Observations(SOCKET, null, engine("docker-20.10-recorded.json"), false, Map.of(),
                Probe.notChosenYet(), null, null, null);

        assertThat(blocked(Preflight.decide(dockerSide))).isEmpty();
    }

    @Test
    @DisplayName("blockerFor names every finding that blocks one of the lab's needs, each cause on its line, each fix once")
    void blocker_names_every_blocking_finding() {
        PreflightResult result = Preflight.decide(new Observations(SOCKET, null, engine("docker-rootless.json"), false,
                Map.of(), PROBE, null, "iptables: Permission denied (you must be root)", null));

        assertThat(result.blockerFor(Set.of(Need.DOCKER, Need.HOST_PROC, Need.NAT_TABLE))).hasValueSatisfying(f -> {
            assertThat(f.check()).isEqualTo("engine, nat table");
            assertThat(f.found().lines()).hasSize(2).last().isEqualTo("iptables: Permission denied (you must be root)");
            assertThat(f.fix().split("; and ")).hasSize(2);
        });
    }

    @Test
    @DisplayName("an unpullable Ryuk image blocks every lab (no container can start), with TESTCONTAINERS_RYUK_DISABLED as the fix")
    void ryuk_image_blocks_every_lab() {
        PreflightResult result = Preflight.decide(new Observations(SOCKET, null, engine("docker-20.10-recorded.json"), false,
                Map.of(TestcontainersImages.RYUK, ImageProblem.fromAnswer("testcontainers/ryuk:0.14.0", NO_SUCH_HOST, false)),
                PROBE, null, null, null));

        assertThat(blocked(result)).containsExactly(Need.DOCKER);
        assertThat(result.blockerFor(Set.of(Need.DOCKER))).hasValueSatisfying(f -> {
            assertThat(f.found()).isEqualTo("image testcontainers/ryuk:0.14.0 is not on this host and cannot be pulled: "
                    + "the registry cannot be reached: " + NO_SUCH_HOST);
            assertThat(f.fix()).contains("TESTCONTAINERS_RYUK_DISABLED=true").doesNotContain("docker login");
        });
    }

    @Test
    @DisplayName("with no registry, a lab needing Ryuk and nginx names both images, the registry's answer and each fix")
    void no_registry_names_each_image() {
        Map<String, ImageProblem> problems = new LinkedHashMap<>();
        problems.put(TestcontainersImages.RYUK, ImageProblem.fromAnswer("testcontainers/ryuk:0.14.0", NO_SUCH_HOST, false));
        problems.put("nginx", ImageProblem.fromAnswer("nginx:1.27.4", NO_SUCH_HOST, false));
        problems.put("alpine", ImageProblem.fromAnswer("alpine:3.21.3", NO_SUCH_HOST, false));
        PreflightResult result = Preflight.decide(new Observations(SOCKET, null, engine("docker-20.10-recorded.json"),
                false, problems, PROBE, null, null, null));

        Finding q3 = result.blockerFor(Set.of(Need.DOCKER, Need.NGINX_IMAGE, Need.NAT_TABLE)).orElseThrow();
        assertThat(q3.found().lines()).hasSize(2).allMatch(line -> line.endsWith(NO_SUCH_HOST));
        assertThat(q3.found()).contains("testcontainers/ryuk:0.14.0", "nginx:1.27.4").doesNotContain("alpine");
        assertThat(q3.fix()).contains("TESTCONTAINERS_RYUK_DISABLED=true", "scripts/build-standin-images.sh",
                "LABS_IMAGE_NGINX=docker-labs-standin/nginx:debian");
    }

    @Test
    @DisplayName("a registry's rate limit or refusal is fixed by logging in (or the stand-ins); an unknown image by its name")
    void fix_chosen_from_the_registry_answer() {
        assertThat(fixFor("nginx", TOO_MANY_REQUESTS)).startsWith("log in to the registry (`docker login`)")
                .contains("docker-labs-standin/nginx:debian");
        assertThat(fixFor("nginx", UNAUTHORIZED)).startsWith("log in to the registry (`docker login`)");
        assertThat(fixFor(TestcontainersImages.RYUK, TOO_MANY_REQUESTS)).startsWith("log in to the registry (`docker login`)")
                .contains("TESTCONTAINERS_RYUK_DISABLED=true");
        assertThat(fixFor("alpine", MANIFEST_UNKNOWN)).startsWith("fix the image name in LABS_IMAGE_ALPINE");
    }

    @Test
    @DisplayName("Testcontainers' gateway look-up image blocks every lab, with TESTCONTAINERS_HOST_OVERRIDE as the fix")
    void gateway_image_blocks_every_lab() {
        PreflightResult result = Preflight.decide(new Observations(SOCKET, null, engine("docker-20.10-recorded.json"), false,
                Map.of(TestcontainersImages.GATEWAY, ImageProblem.fromAnswer("alpine:3.17", NO_SUCH_HOST, false)),
                PROBE, null, null, null));

        assertThat(blocked(result)).containsExactly(Need.DOCKER);
        assertThat(result.blocking().get(0).fix()).startsWith("set TESTCONTAINERS_HOST_OVERRIDE=localhost");
    }

    private static String fixFor(String image, String answer) {
        return Preflight.decide(new Observations(SOCKET, null, engine("docker-20.10-recorded.json"), false,
                Map.of(image, ImageProblem.fromAnswer(image, answer, false)), PROBE, null, null, null))
                .blocking().get(0).fix();
    }

    @Test
    @DisplayName("blockerFor finds nothing when no finding blocks the lab's needs")
    void no_blocker_for_unblocked_needs() {
        PreflightResult result = Preflight.decide(reached(engine("docker-rootless.json")));

        assertThat(result.blockerFor(Set.of(Need.DOCKER, Need.NGINX_IMAGE, Need.HOST_PROC, Need.HOST_MOUNTS))).isEmpty();
    }
}
