package org.sysnerd.dockerlabs.lessons;

import org.assertj.core.api.AbstractAssert;
import org.awaitility.core.ConditionTimeoutException;
import org.sysnerd.dockerlabs.assertions.Waits;
import org.sysnerd.dockerlabs.docker.MemoryHog;
import org.sysnerd.dockerlabs.facts.CgroupController;
import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.CgroupVersion;
import org.sysnerd.dockerlabs.facts.ContainerExit;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.probe.HostFacts;

/**
 * The kernel enforces a memory limit (Q6): the suite's own allocation past 32 MiB ends OOM-killed. Docker's word is
 * OOMKilled or an oom event; where it said neither, under cgroup v2 the kernel's own count of OOM kills in the slice
 * above the allocation's cgroup (which outlives it) tells.
 */
public final class OomKillAssert extends AbstractAssert<OomKillAssert, MemoryHog> {

    private final HostFacts host;

    OomKillAssert(MemoryHog hog, HostFacts host) {
        super(hog, OomKillAssert.class);
        this.host = host;
    }

    public static OomKillAssert assertThat(MemoryHog hog, HostFacts host) {
        return new OomKillAssert(hog, host);
    }

    /** Starts the allocation and checks that the kernel's OOM killer ends it; returns what shows it, for the evidence. */
    public String isKilledByTheKernelOnceItAllocates() {
        CgroupDir slice = host.cgroupVersion() == CgroupVersion.V2
                ? host.cgroupDirOf(actual.getContainerInfo().getState().getPidLong(), CgroupController.MEMORY).value().parent()
                : null;
        Long killsBefore = slice == null ? null : host.oomKills(slice).value();
        actual.startAllocating();
        Waits.until("container " + actual.name() + " (docker run --memory 32m alpine sh -c 'tail /dev/zero') to end",
                MemoryHog.ENDS_WITHIN, () -> ContainerExitAssert.assertThat(actual.exit()).hasEnded());
        try {
            Waits.until("Docker to report how " + actual.name() + " ended", MemoryHog.REPORTED_WITHIN,
                    () -> ContainerExitAssert.assertThat(actual.exit()).isReported());
        } catch (ConditionTimeoutException | AssertionError unreported) {
            // Killed, and Docker said nothing (seen under load on Docker 26.1.5): the kernel's count tells.
        }
        ContainerExit exit = actual.exit().value();
        if (!exit.killedByOom() && exit.exitCode() == ContainerExit.KILLED && killsBefore != null) {
            Seen<Long> killsAfter = host.oomKills(slice);
            new FactAssert.Of<>(killsAfter).holds("more OOM kills in " + slice + " than the " + killsBefore + " before "
                    + "(Docker reported neither OOMKilled nor an oom event)", n -> n > killsBefore);
            return String.format("%s: %s; the kernel's OOM killer killed it: %s oom_kill %d -> %d (Docker reported no OOM "
                    + "kill)", actual.name(), exit, slice.file("memory.events"), killsBefore, killsAfter.value());
        }
        ContainerExitAssert.assertThat(actual.exit()).isOomKilled();
        return actual.name() + ": " + actual.exit();
    }
}
