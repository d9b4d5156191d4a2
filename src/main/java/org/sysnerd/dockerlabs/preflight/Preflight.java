package org.sysnerd.dockerlabs.preflight;

import java.util.ArrayList;
import java.util.List;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.facts.TimeScale;

/** Decides, from what was observed before the labs run, which labs can be checked here and why not. */
public final class Preflight {

    static final String INSTALL_DOCKER = "install and start Docker (`sudo apt install -y docker.io`), then add yourself "
            + "to the docker group (`sudo usermod -aG docker $USER`, log in again) or run the labs with sudo";

    static final String ROOTLESS_CGROUPS = "boot with cgroup v2 (systemd.unified_cgroup_hierarchy=1) and delegate the "
            + "cpu and memory controllers to your user (Delegate=cpu cpuset io memory pids in "
            + "/etc/systemd/system/user@.service.d/delegate.conf), or run the labs against a rootful Docker";

    private Preflight() {
    }

    /** The findings for these observations; pure, so it is tested on recorded {@code docker info} outputs. */
    public static PreflightResult decide(Observations seen) {
        List<Finding> findings = new ArrayList<>();
        if (seen.dockerError() != null) {
            findings.add(Finding.blocking("docker", "Docker is not reachable at " + seen.dockerHost() + ": "
                    + seen.dockerError(), INSTALL_DOCKER, Need.values()));
            return new PreflightResult(findings);
        }
        EngineInfo engine = seen.engine();
        findings.add(Finding.ok("docker", engine.summary() + " at " + seen.dockerHost()));
        if (TimeScale.factor() != 1) {
            findings.add(Finding.ok("limits", "every wait on the daemon and its host ×" + TimeScale.factor() + " ("
                    + TimeScale.VARIABLE + " / -D" + TimeScale.PROPERTY + "): a slow host said so; a hang still ends"));
        }
        if (engine.rootless()) {
            findings.add(Finding.blocking("engine", engine.podman()
                    ? "rootless Podman: its bridge and DNAT rules live in its rootless network namespace (slirp4netns or "
                            + "pasta), not the host's (Q3, Q4 do not apply)"
                    : "rootless Docker: docker0 and the DNAT rules live in RootlessKit's network namespace, not the host's "
                            + "(Q3, Q4 do not apply)",
                    engine.podman() ? "run the labs against a rootful Podman (its API socket run as root) to see podman0 "
                            + "and DNAT" : "run the labs against a rootful Docker to see docker0 and DNAT",
                    Need.BRIDGE, Need.NAT_TABLE));
        }
        if (engine.desktop()) {
            findings.add(Finding.blocking("engine", "Docker Desktop: docker0 and the DNAT rules are in its VM, not on this "
                    + "machine", "run the labs against Docker Engine on a Linux host or VM", Need.BRIDGE, Need.NAT_TABLE));
        }
        String noLimits = cgroupLimitsProblem(engine);
        if (noLimits != null) {
            findings.add(Finding.blocking("cgroups", noLimits, engine.rootless() ? ROOTLESS_CGROUPS
                    : "enable the kernel's memory and cpu controllers (e.g. cgroup_enable=memory on its command line), "
                    + "then restart Docker", Need.CGROUP_LIMITS));
        }
        seen.imageProblems().forEach((image, problem) -> findings.add(Finding.blocking("image " + image,
                problem.describe(), Images.fix(image, problem), Images.need(image))));
        if (seen.hostProblem() == null) {
            findings.add(Finding.ok("host facts", seen.probe().describe()));
        } else if (!seen.probe().chosen()) {
            ImageProblem helperImage = seen.imageProblems().get("alpine");
            findings.add(Finding.blocking("host facts", seen.hostProblem(), helperImage != null
                    ? Images.fix("alpine", helperImage) + "; or run the labs as root (`sudo -E ./mvnw test`) to read the "
                            + "host directly"
                    : "the helper runs the alpine image with --pid=host, --network=host and the capabilities SYS_PTRACE, "
                            + "SYS_CHROOT, NET_ADMIN, NET_RAW: see why the daemon refused it, or run the labs as root "
                            + "(`sudo -E ./mvnw test`) to read the host directly",
                    Need.HOST_PROC, Need.HOST_MOUNTS, Need.NAT_TABLE, Need.BRIDGE));
        } else {
            findings.add(Finding.blocking("host facts", seen.hostProblem(), "run the labs as root (`sudo -E ./mvnw test`)",
                    Need.HOST_PROC, Need.HOST_MOUNTS));
        }
        if (seen.natProblem() != null) {
            findings.add(Finding.blocking("nat table", seen.natProblem(),
                    "run the labs as root, with iptables installed (`sudo apt install -y iptables`)", Need.NAT_TABLE));
        }
        if (seen.linksProblem() != null) {
            findings.add(Finding.blocking("interfaces", seen.linksProblem(),
                    "install iproute2 (`sudo apt install -y iproute2`)", Need.BRIDGE));
        }
        return new PreflightResult(findings);
    }

    /** Why the daemon cannot put --memory and --cpus into cgroups, from {@code docker info} (Podman: libpod's controllers); null when it can. */
    private static String cgroupLimitsProblem(EngineInfo engine) {
        if (engine.rootless() && ("1".equals(engine.cgroupVersion()) || "none".equals(engine.cgroupDriver()))) {
            return "rootless " + engine.engineName() + " on cgroup v" + engine.cgroupVersion() + " (cgroup driver " + engine.cgroupDriver()
                    + ") makes no cgroups: it discards --memory and --cpus "
                    + "(docker info: \"Running in rootless-mode without cgroups\")";
        }
        if (engine.memoryLimit() && engine.cpuCfsQuota()) {
            return null;
        }
        return (engine.rootless() ? "rootless " + engine.engineName() + " whose cgroup controllers are not delegated to its user" : "the daemon")
                + " cannot set a container's memory or CPU limit, and discards it (" + engine.limitsSeenWith() + ")";
    }
}
