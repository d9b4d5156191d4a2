package org.sysnerd.dockerlabs.docker;

import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.probe.FirewallBackend;

/**
 * What {@code docker info} says about the engine that the facts depend on.
 *
 * @param driverType  {@code io.containerd.snapshotter.v1} with the containerd image store, else null
 * @param memoryLimit {@code MemoryLimit}: the daemon can set {@code --memory} (false: it discards the limit)
 * @param cpuCfsQuota {@code CpuCfsQuota}: the daemon can set {@code --cpus} (false: it discards the limit)
 */
public record EngineInfo(String id, String serverVersion, String operatingSystem, String kernelVersion,
                         String storageDriver, String driverType, String dockerRootDir, String cgroupVersion,
                         String cgroupDriver, FirewallBackend firewallBackend, List<String> securityOptions,
                         boolean memoryLimit, boolean cpuCfsQuota) {

    public EngineInfo {
        securityOptions = List.copyOf(securityOptions);
    }

    /** True when images live in containerd's snapshotter rather than in the overlay2 graph driver. */
    public boolean containerdStore() {
        return driverType != null && driverType.contains("containerd.snapshotter");
    }

    /** True for rootless Docker: docker0 and the NAT rules live in RootlessKit's namespaces. */
    public boolean rootless() {
        return securityOptions.stream().anyMatch(o -> o.contains("name=rootless"));
    }

    /** True for Docker Desktop: the facts live in its VM. */
    public boolean desktop() {
        return operatingSystem != null && operatingSystem.contains("Docker Desktop");
    }

    /** One line for the report: {@code Docker 20.10.24 · overlay2 · cgroup v1 · iptables}. */
    public String summary() {
        return "Docker " + serverVersion + " · " + storageDriver + (containerdStore() ? " (containerd store)" : "")
                + " · cgroup v" + cgroupVersion + " · " + firewallBackend.name().toLowerCase()
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
        Object options = info.get("SecurityOptions");
        // An engine that does not say whether it can set limits is taken to: the lab reads the limits itself.
        return new EngineInfo(text(info, "ID"), text(info, "ServerVersion"), text(info, "OperatingSystem"),
                text(info, "KernelVersion"), text(info, "Driver"), driverType, text(info, "DockerRootDir"),
                info.get("CgroupVersion") == null ? "1" : text(info, "CgroupVersion"), text(info, "CgroupDriver"),
                FirewallBackend.fromDriver(firewallDriver),
                options instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(),
                !Boolean.FALSE.equals(info.get("MemoryLimit")), !Boolean.FALSE.equals(info.get("CpuCfsQuota")));
    }

    private static String text(Map<String, Object> info, String key) {
        Object value = info.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
