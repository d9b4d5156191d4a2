package org.sysnerd.dockerlabs.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.facts.CgroupDir;
import org.sysnerd.dockerlabs.facts.CgroupVersion;
import org.sysnerd.dockerlabs.facts.ContainerExit;
import org.sysnerd.dockerlabs.facts.CpuQuota;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.MemoryLimit;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.parse.InspectParser;

@DisplayName("Q6's cgroup, limit and OOM-kill assertions, their reasons chosen from recorded docker inspect outputs")
class CgroupLimitAssertTest {

    private static final String ID = "0f3c1d2e4b5a";
    private static final InspectedContainer WITHOUT_LIMITS = InspectParser.containers(
            Fixtures.text("inspect/learner-done-recorded.json")).get(0);

    private static InspectedContainer recorded(long memory, long nanoCpus) {
        InspectedContainer c = WITHOUT_LIMITS;
        return new InspectedContainer(c.id(), "limited", c.image(), c.imageId(), c.state(), c.startedAt(), c.finishedAt(),
                false, 0, c.command(), List.of(), List.of(), memory, nanoCpus, Map.of(), Map.of());
    }

    @Test
    @DisplayName("a cgroup of the container's own, listing its PID, holds")
    void own_cgroup() {
        CgroupDir dir = new CgroupDir(CgroupVersion.V2, "", "/system.slice/docker-" + ID + ".scope");

        assertThat(CgroupAssert.assertThat(new Seen<>(dir, "cat /proc/4242/cgroup")).isTheContainers(ID, 4242).seen())
                .isEqualTo(dir);
    }

    @Test
    @DisplayName("the root cgroup: no cgroup was made for the container")
    void root_cgroup() {
        LabFailure lesson = Lesson.of(() -> CgroupAssert.assertThat(new Seen<>(new CgroupDir(CgroupVersion.V2, "", "/"),
                "cat /proc/4242/cgroup")).isTheContainers(ID, 4242));

        assertThat(lesson.expected()).isEqualTo("a memory cgroup of container " + ID);
        assertThat(lesson.why()).isEqualTo("PID 4242 is in the root cgroup: no cgroup was made for the container");
    }

    @Test
    @DisplayName("no memory limit, started without --memory: the command with the limits")
    void no_memory_limit() {
        LabFailure lesson = Lesson.of(() -> MemoryLimitAssert.assertThat(new Seen<>(new MemoryLimit("max", null),
                "cat memory.max"), () -> recorded(0, 0)).is(64L << 20, "--memory 64m"));

        assertThat(lesson.expected()).isEqualTo("67108864 bytes (--memory 64m)");
        assertThat(lesson.why()).isEqualTo("the container was started without --memory (HostConfig.Memory is 0): "
                + "docker run -d --name limited --memory 64m --cpus 0.5 nginx");
    }

    @Test
    @DisplayName("a limit Docker recorded but the cgroup lacks: the runtime did not write it")
    void recorded_but_not_written() {
        LabFailure lesson = Lesson.of(() -> CpuQuotaAssert.assertThat(new Seen<>(new CpuQuota(null, 100_000), "cat cpu.max"),
                () -> recorded(64L << 20, 500_000_000)).is(50_000, 100_000, "--cpus 0.5"));

        assertThat(lesson.expected()).isEqualTo("50000 100000 (--cpus 0.5)");
        assertThat(lesson.why()).startsWith("Docker recorded --cpus (HostConfig.NanoCpus 500000000), but the runtime did not "
                + "write it");
    }

    @Test
    @DisplayName("another limit than asked: fails with no reason to guess, never inspecting the container")
    void another_limit() {
        LabFailure lesson = Lesson.of(() -> MemoryLimitAssert.assertThat(new Seen<>(new MemoryLimit("33554432", 32L << 20),
                "cat memory.max"), () -> {
                    throw new AssertionError("inspected");
                }).is(64L << 20, "--memory 64m"));

        assertThat(lesson.why()).isNull();
        assertThat(Lesson.of(() -> MemoryLimitAssert.assertThat(new Seen<>(new MemoryLimit("67108864", 64L << 20),
                "cat memory.max"), () -> null).wasRewrittenTo(32L << 20, "docker update --memory 32m")).expected())
                .isEqualTo("33554432 bytes after docker update --memory 32m");
    }

    @Test
    @DisplayName("an exit other than the OOM killer's: the shell's ulimit (1), or a SIGKILL Docker did not report (137)")
    void not_oom_killed() {
        LabFailure ulimit = Lesson.of(() -> ContainerExitAssert.assertThat(exit(1, false, false)).isOomKilled());
        LabFailure unreported = Lesson.of(() -> ContainerExitAssert.assertThat(exit(137, false, false)).isOomKilled());

        assertThat(ulimit.expected()).isEqualTo("exit code 137, OOM-killed (OOMKilled true, or docker events: oom)");
        assertThat(ulimit.why()).startsWith("tail stopped at the shell's ulimit");
        assertThat(unreported.why()).startsWith("it was killed (SIGKILL), but Docker reported no OOM kill");
        ContainerExitAssert.assertThat(exit(137, true, false)).hasEnded().isReported().isOomKilled();
        ContainerExitAssert.assertThat(exit(137, false, true)).isOomKilled();
    }

    private static Seen<ContainerExit> exit(long code, boolean oomKilled, boolean oomEvent) {
        return new Seen<>(new ContainerExit("exited", code, oomKilled, oomEvent),
                "docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' oom");
    }
}
