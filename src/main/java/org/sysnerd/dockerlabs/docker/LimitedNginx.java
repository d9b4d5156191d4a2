package org.sysnerd.dockerlabs.docker;

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
    public LimitedNginx(LabRun run, String lab) {
        super(run, LabImage.NGINX, lab, "limited");
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(MEMORY).withNanoCPUs(NANO_CPUS));
        // --network none: limits need no network, and the daemon makes none for it (no veth pair, no bridge port).
        withNetworkMode("none");
        notWaitingForItsService();
    }
}
