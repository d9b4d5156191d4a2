package org.sysnerd.dockerlabs.probe;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.docker.Libpod;

/**
 * What the helper container that reads the daemon's host is, on each engine: like {@code docker run -d --rm
 * --pid=host --network=host --cgroupns=host -v /:/host:ro --cap-drop ALL --cap-add SYS_PTRACE --cap-add SYS_CHROOT
 * --cap-add NET_ADMIN --cap-add NET_RAW --security-opt no-new-privileges --read-only alpine sleep 600}. No
 * {@code --privileged}, which fails on some hosts. Where the engine confines containers with AppArmor
 * ({@link EngineInfo#appArmor}) it runs {@code apparmor=unconfined}: {@code docker-default} lets a container read the
 * ns links of processes under the same profile only, and the helper must read those of the host's unconfined
 * processes (its containerd-shim's mount namespace). It keeps no capability beyond the four, no-new-privileges, a
 * read-only root and the host's root read-only: AppArmor's profile is the only fence lifted.
 */
final class HelperSpec {

    /** How long a helper lives: it runs {@code sleep}, then exits and the daemon removes it (auto-remove). */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Where the host's root is mounted in the helper, read-only. */
    static final String ROOT = "/host";
    // SYS_PTRACE: /proc/<pid>/ns/* of processes with other capabilities; SYS_CHROOT: chroot /host;
    // NET_ADMIN: iptables(-nft) reads the ruleset over netlink; NET_RAW: iptables-legacy's raw socket.
    static final List<Capability> CAPABILITIES = List.of(Capability.SYS_PTRACE, Capability.SYS_CHROOT,
            Capability.NET_ADMIN, Capability.NET_RAW);

    private HelperSpec() {
    }

    /**
     * Creates the helper; returns its id. {@code --cgroupns=host}: in a namespace of its own (cgroup v2's default)
     * /proc/<pid>/cgroup gives paths relative to it. Podman's Docker-compatible create ignores it (see
     * {@link Libpod#create}): there the helper is made with libpod's API.
     */
    static String create(Engine engine, String image, String name, Map<String, String> labels) {
        List<String> command = List.of("sleep", String.valueOf(LIFETIME.toSeconds()));
        EngineInfo info = engine.info();
        if (info.podman()) {
            return Libpod.create(engine, podmanSpec(name, image, labels, command, info));
        }
        DockerClient client = engine.client();
        return client.createContainerCmd(image).withName(name).withLabels(labels).withCmd(command)
                .withHostConfig(HostConfig.newHostConfig().withPidMode("host").withNetworkMode("host")
                        .withCgroupnsMode("host").withBinds(new Bind("/", new Volume(ROOT), AccessMode.ro))
                        .withCapDrop(Capability.ALL).withCapAdd(CAPABILITIES.toArray(Capability[]::new))
                        .withSecurityOpts(securityOptions(info)).withReadonlyRootfs(true).withAutoRemove(true))
                .exec().getId();
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
        spec.put("cap_add", CAPABILITIES.stream().map(Capability::name).toList());
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

    /** The flags the helper runs with, for the report. */
    static String describe(EngineInfo engine) {
        return "--pid=host --network=host --cgroupns=host, / read-only at " + ROOT + ", capabilities " + CAPABILITIES
                + (engine.appArmor() ? ", apparmor=unconfined" : "");
    }
}
