package org.sysnerd.dockerlabs.docker;

import org.sysnerd.dockerlabs.probe.Journal;

/**
 * Q6's {@code docker run -d --name limited --memory 64m --cpus 0.5 nginx}: nginx under a memory and a CPU
 * limit, which the daemon hands to the runtime and the runtime writes into the container's cgroup.
 */
public final class LimitedNginx extends LabContainer<LimitedNginx> {

    /** {@code --memory 64m}: 67108864 bytes. */
    public static final long MEMORY = 64L << 20;
    /** {@code docker update --memory 32m}: 33554432 bytes. */
    public static final long UPDATED_MEMORY = 32L << 20;
    /** {@code --cpus 0.5}, which the API carries as NanoCpus. */
    public static final long NANO_CPUS = 500_000_000L;
    /** Half a CPU as the kernel's CFS bandwidth control counts it: 50000 µs of CPU time ... */
    public static final long CPU_QUOTA = 50_000;
    /** ... in every 100000 µs period (runc's period for {@code --cpus}). */
    public static final long CPU_PERIOD = 100_000;

    /** nginx with {@code --memory 64m --cpus 0.5}, counted as started once it runs (its limits are set before). */
    public LimitedNginx(String lab) {
        super(LabImage.NGINX, lab, "limited");
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(MEMORY).withNanoCPUs(NANO_CPUS));
        notWaitingForItsService();
    }

    /** {@code docker update --memory <bytes>}: a new memory limit for the running container. */
    public void updateMemory(long bytes) {
        getDockerClient().updateContainerCmd(getContainerId()).withMemory(bytes).exec();
        Journal.record("docker update --memory " + (bytes >> 20) + "m " + name(), name());
    }

    /** Why its cgroup may show no memory limit, from what {@code docker inspect} recorded of {@code --memory}. */
    public String whyNoMemoryLimit() {
        return whyNoLimit("--memory", "HostConfig.Memory", fresh().getHostConfig().getMemory());
    }

    /** Why its cgroup may show no CPU quota, from what {@code docker inspect} recorded of {@code --cpus}. */
    public String whyNoCpuQuota() {
        return whyNoLimit("--cpus", "HostConfig.NanoCpus", fresh().getHostConfig().getNanoCPUs());
    }

    private String whyNoLimit(String option, String field, Long recorded) {
        Journal.record("docker inspect -f '{{." + field + "}}' " + name(), String.valueOf(recorded));
        return recorded == null || recorded == 0 ? "the container was started without " + option + " (" + field + " is 0)"
                : "Docker recorded " + option + " (" + field + " " + recorded + "), but the runtime did not write it to the "
                        + "cgroup: docker info -f '{{.DefaultRuntime}}'";
    }

    /** When the container last started ({@code docker inspect -f '{{.State.StartedAt}}'}): a restart changes it. */
    public String startedAt() {
        String startedAt = fresh().getState().getStartedAt();
        Journal.record("docker inspect -f '{{.State.StartedAt}}' " + name(), startedAt);
        return startedAt;
    }
}
