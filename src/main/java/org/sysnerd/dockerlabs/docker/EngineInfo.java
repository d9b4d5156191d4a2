package org.sysnerd.dockerlabs.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sysnerd.dockerlabs.facts.FirewallBackend;

/**
 * What {@code docker info} says about the engine that the facts depend on. Every difference between engines
 * that a lab meets (Docker Engine or Podman's Docker-compatible API) is decided here, once.
 *
 * @param driverType  {@code io.containerd.snapshotter.v1} with the containerd image store, else null
 * @param podman      true for Podman's Docker-compatible API (its {@code /info} has {@code BuildahVersion})
 * @param memoryLimit {@code MemoryLimit}: the daemon can set {@code --memory} (false: it discards the limit)
 * @param cpuCfsQuota {@code CpuCfsQuota}: the daemon can set {@code --cpus} (false: it discards the limit)
 * @param iptables    which iptables the host's {@code iptables} is ({@code iptables-nft}, {@code iptables-legacy}), from
 *                    its {@code iptables --version} ({@link #withIptables}); null when not asked or not told
 * @param cgroupControllers on Podman, the controllers libpod says its containers get ({@link #withLibpodInfo}), which
 *                    then told {@code memoryLimit} and {@code cpuCfsQuota}; null where {@code docker info} told them
 */
public record EngineInfo(String id, String serverVersion, String operatingSystem, String kernelVersion,
                         String storageDriver, String driverType, String dockerRootDir, String cgroupVersion,
                         String cgroupDriver, FirewallBackend firewallBackend, List<String> securityOptions,
                         boolean podman, boolean memoryLimit, boolean cpuCfsQuota, String iptables,
                         List<String> cgroupControllers) {

    public EngineInfo {
        securityOptions = List.copyOf(securityOptions);
        cgroupControllers = cgroupControllers == null ? null : List.copyOf(cgroupControllers);
    }

    private static final Pattern MAJOR = Pattern.compile("^(\\d+)");

    /** True when images live in containerd's snapshotter rather than in the overlay2 graph driver. */
    public boolean containerdStore() {
        return driverType != null && driverType.contains("containerd.snapshotter");
    }

    /** True for rootless Docker or Podman: the bridge and the NAT rules live in the engine's own network namespace. */
    public boolean rootless() {
        return securityOptions.stream().anyMatch(o -> o.contains("name=rootless"));
    }

    /**
     * True when the engine confines containers with AppArmor ({@code SecurityOptions} {@code name=apparmor}): then a
     * container runs under the {@code docker-default} profile (Podman: {@code containers-default-*}) unless told otherwise.
     */
    public boolean appArmor() {
        return securityOptions.stream().anyMatch(o -> o.equals("name=apparmor") || o.startsWith("name=apparmor,"));
    }

    /** True for Docker Desktop: the facts live in its VM. */
    public boolean desktop() {
        return operatingSystem != null && operatingSystem.contains("Docker Desktop");
    }

    /** The engine's product name: "Podman" or "Docker". */
    public String engineName() {
        return podman ? "Podman" : "Docker";
    }

    /**
     * How many lower dirs a container's rootfs has besides its image's layers: Docker's graph drivers add the
     * container's {@code <id>-init} layer (its /etc/hosts, /etc/resolv.conf mount points), Podman adds none.
     */
    public int initLayers() {
        return podman ? 0 : 1;
    }

    /**
     * True when the engine reports a kill by the kernel's OOM killer (State.OOMKilled, or an {@code oom} event).
     * Podman 4.3.1 does not: measured here, {@code --memory 8m} and {@code tail /dev/zero} end with exit code 137,
     * OOMKilled false and no event, through its CLI and its Docker-compatible API alike.
     */
    public boolean reportsOomKills() {
        return !podman;
    }

    /**
     * True when the engine's API has {@code docker update} ({@code POST /containers/<id>/update}): Docker, and Podman
     * from 5 on. Measured: Podman 4.3.1's Docker-compatible API answers it 404; Podman 5.4.2's answers 200 and rewrites
     * {@code memory.max} (Debian 13 VM). Podman 4.4 to 4.9 were not measured, and are taken to answer like 4.3.1.
     */
    public boolean updatesContainers() {
        return !podman || majorVersion() >= 5;
    }

    /** The first number of {@code ServerVersion} ({@code 5} for {@code 5.4.2}), 0 when it has none. */
    private int majorVersion() {
        Matcher major = MAJOR.matcher(serverVersion == null ? "" : serverVersion);
        return major.find() ? Integer.parseInt(major.group(1)) : 0;
    }

    /** How a request to 127.0.0.1 on a published port reaches the container, on this engine. */
    public String loopbackPath(int port) {
        return podman ? "127.0.0.1:" + port + " goes through the same rule: netavark has no userland proxy"
                : "127.0.0.1:" + port + " is served by docker-proxy instead";
    }

    /**
     * Podman's own word on the limits, from {@code podman info}'s {@code host.cgroupControllers} (libpod's API): the
     * controllers its containers' cgroups get, {@code memory} for {@code --memory} and {@code cpu} for {@code --cpus}.
     * Its Docker-compatible {@code /info} says {@code CpuCfsQuota false} where the limit is applied: measured on Debian 13's
     * Podman 5.4.2, rootful and rootless, whose containers got {@code cpu.max} {@code 50000 100000} from {@code --cpus 0.5}
     * while {@code /info} said false, and libpod said {@code [cpuset cpu io memory hugetlb pids rdma misc]} (rootless:
     * {@code [cpu memory pids]}). This as it was when libpod did not answer or listed no controllers.
     */
    public EngineInfo withLibpodInfo(Map<String, Object> libpodInfo) {
        Object host = libpodInfo == null ? null : libpodInfo.get("host");
        Object controllers = host instanceof Map<?, ?> map ? map.get("cgroupControllers") : null;
        if (!podman || !(controllers instanceof List<?> list) || list.isEmpty()) {
            return this;
        }
        return new EngineInfo(id, serverVersion, operatingSystem, kernelVersion, storageDriver, driverType, dockerRootDir,
                cgroupVersion, cgroupDriver, firewallBackend, securityOptions, podman, list.contains("memory"),
                list.contains("cpu"), iptables, list.stream().map(String::valueOf).toList());
    }

    /** The same, with the host's iptables told by its {@code iptables --version} (null or unknown: as it was). */
    public EngineInfo withIptables(String versionOutput) {
        return new EngineInfo(id, serverVersion, operatingSystem, kernelVersion, storageDriver, driverType, dockerRootDir,
                cgroupVersion, cgroupDriver, firewallBackend, securityOptions, podman, memoryLimit, cpuCfsQuota,
                FirewallBackend.iptablesVariant(versionOutput), cgroupControllers);
    }

    /**
     * Where {@link #memoryLimit} and {@link #cpuCfsQuota} were told, as a command to see it: libpod's controllers on
     * Podman when it listed them, else the engine's {@code docker info}.
     */
    public String limitsSeenWith() {
        return cgroupControllers != null
                ? "podman info -f '{{.Host.CgroupControllers}}': " + cgroupControllers
                : "docker info: MemoryLimit " + memoryLimit + ", CpuCfsQuota " + cpuCfsQuota;
    }

    /** Where the NAT rules are written: the engine's backend, with the iptables variant when the host told it. */
    public String firewall() {
        return firewallBackend == FirewallBackend.IPTABLES && iptables != null ? iptables : firewallBackend.name().toLowerCase();
    }

    /**
     * One line for the report: {@code Docker 26.1.5 · overlay2 · cgroup v2 (systemd) · AppArmor · iptables-nft}, or
     * {@code Podman 4.3.1 · …}: the cgroup version and driver, the LSM confining containers, the firewall.
     */
    public String summary() {
        return engineName() + " " + serverVersion + " · " + storageDriver + (containerdStore() ? " (containerd store)" : "")
                + " · cgroup v" + cgroupVersion + (cgroupDriver == null ? "" : " (" + cgroupDriver + ")")
                + (appArmor() ? " · AppArmor" : "") + " · " + firewall()
                + (rootless() ? " · rootless" : "") + (desktop() ? " · Docker Desktop" : "");
    }

    /** Reads the fields from {@code docker info}'s JSON ({@code docker info -f json}, or the API's /info). */
    @SuppressWarnings("unchecked")
    public static EngineInfo fromJson(Map<String, Object> info) {
        String driverType = null;
        Object status = info.get("DriverStatus");
        if (status instanceof List<?> rows) {
            for (Object row : rows) {
                List<String> pair = (List<String>) row;
                if (pair.size() == 2 && "driver-type".equals(pair.get(0))) {
                    driverType = pair.get(1);
                }
            }
        }
        Object firewall = info.get("FirewallBackend");
        String firewallDriver = firewall instanceof Map<?, ?> map ? (String) map.get("Driver") : null;
        // Podman's /info is Docker's plus fields of its own (BuildahVersion, Rootless, Uptime): Docker's has none.
        boolean podman = info.containsKey("BuildahVersion");
        // An engine that does not say whether it can set limits is taken to: the lab reads the limits itself.
        return new EngineInfo(text(info, "ID"), text(info, "ServerVersion"), text(info, "OperatingSystem"),
                text(info, "KernelVersion"), text(info, "Driver"), driverType, text(info, "DockerRootDir"),
                info.get("CgroupVersion") == null ? "1" : text(info, "CgroupVersion"), text(info, "CgroupDriver"),
                podman ? FirewallBackend.NETAVARK : FirewallBackend.fromDriver(firewallDriver),
                securityOptions(info), podman,
                !Boolean.FALSE.equals(info.get("MemoryLimit")), !Boolean.FALSE.equals(info.get("CpuCfsQuota")), null, null);
    }

    /** SecurityOptions; rootless Podman says so in a field of its own ({@code Rootless: true}), read as Docker's option. */
    private static List<String> securityOptions(Map<String, Object> info) {
        List<String> options = info.get("SecurityOptions") instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.toCollection(ArrayList::new))
                : new ArrayList<>();
        if (Boolean.TRUE.equals(info.get("Rootless")) && options.stream().noneMatch(o -> o.contains("name=rootless"))) {
            options.add("name=rootless");
        }
        return options;
    }

    private static String text(Map<String, Object> info, String key) {
        Object value = info.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
