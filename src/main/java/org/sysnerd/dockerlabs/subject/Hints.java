package org.sysnerd.dockerlabs.subject;

import java.util.List;
import org.sysnerd.dockerlabs.facts.ContainerLife;
import org.sysnerd.dockerlabs.facts.InspectedContainer;

/**
 * Why a fact may not hold, chosen from what {@code docker inspect} shows of the container; the page's commands in them
 * carry the names a course set ({@link Setting}).
 */
public final class Hints {

    private Hints() {
    }

    /** Why a container that should stay up is not running. */
    public static String whyNotUp(InspectedContainer container, List<String> imageCommand) {
        if (container.state().neverStarted()) {
            return neverStarted(container);
        }
        if ("paused".equals(container.state().status())) {
            return "it is paused (docker pause froze its processes): docker unpause " + container.name();
        }
        return container.command().isEmpty() || container.command().equals(imageCommand)
                ? "it ran the image's default command " + imageCommand + ", which exits at once without a terminal: "
                        + "give it a foreground process (" + foreground() + ")"
                : "its PID 1 (" + String.join(" ", container.command()) + ") ended: see docker logs " + container.name();
    }

    /** Why a container that should have exited at once has not. */
    public static String whyNotExited(InspectedContainer container) {
        if (container.state().neverStarted()) {
            return neverStarted(container);
        }
        return "it is still running " + container.command() + ": its PID 1 never ended. Was it given a command, or run "
                + "with -it (a terminal keeps the shell waiting)? (docker inspect -f '{{.Config.Cmd}} {{.Config.Tty}}' "
                + container.name() + ")";
    }

    private static String neverStarted(InspectedContainer container) {
        return "it was created but never started (docker create makes a container, docker run also starts it): "
                + "docker start " + container.name();
    }

    /** Why a container exited with a code other than 0. */
    public static String whyFailed(InspectedContainer container) {
        return "its PID 1 failed (exit code " + container.state().exitCode() + ") rather than ended"
                + (container.state().exitCode() == 137 ? ": killed, by docker stop/kill or the OOM killer" : "")
                + ": see docker logs " + container.name();
    }

    /**
     * Why a container that should have ended at once ran longer, from how long its own PID 1 ran. Asked once its exit
     * code 0 held: no docker stop or kill (PID 1 sh ignores SIGTERM, so those end in 137), and docker start again would
     * have begun its clock again.
     */
    public static String whyRanLong(ContainerLife life) {
        if (!life.measuredFromEvents()) {
            return "it ended by itself (exit code 0), but " + life.ownLife().toMillis() + " ms after the daemon marked it "
                    + "started, which counts its runtime's start too (the daemon's log no longer tells them apart): its "
                    + "shell kept reading an open stdin until it closed (docker run -i or -t), or the runtime was slow to "
                    + "start it (on a slow or emulated host, LABS_TIME_SCALE raises the limit)";
        }
        return "it ended by itself (exit code 0), but its own PID 1 ran " + life.ownLife().toMillis() + " ms after its "
                + "runtime started it (the runtime's start, " + life.runtimeStart().toMillis() + " ms, is not counted): "
                + "something kept it alive: its shell read an open stdin until it closed (docker run -i or -t), or it "
                + "was given a command that takes its time";
    }

    /** Why a container was not run with the image's default command. */
    public static String whyNotDefault(InspectedContainer container) {
        return "it was given the command " + container.command() + ": the lab runs alpine with no command "
                + "(docker run --name " + Setting.GONE.value() + " alpine)";
    }

    /** Why a running container's PID 1 is not a foreground process it was given ({@link ForegroundProcess}). */
    public static String whyNotForeground(ForegroundProcess stayup, String pid1) {
        InspectedContainer container = stayup.container();
        if (stayup.runsTheDefault()) {
            return "it runs the image's default command " + stayup.imageCommand() + ": give it a foreground process ("
                    + foreground() + ")";
        }
        return "its PID 1 is " + pid1 + ", which is not the command it was given " + container.command()
                + ": was it started again with another command? (docker inspect -f '{{json .Config.Cmd}}' " + container.name() + ")";
    }

    /** The page's fix for an instant exit, with the name a course set. */
    private static String foreground() {
        return "docker run -d --name " + Setting.STAYUP.value() + " alpine sleep 1000";
    }

    /** Why its cgroup may show no memory limit, from what {@code docker inspect} recorded of {@code --memory}. */
    public static String whyNoMemoryLimit(InspectedContainer container) {
        return whyNoLimit("--memory", "HostConfig.Memory", container.memory());
    }

    /** Why its cgroup may show no CPU quota, from what {@code docker inspect} recorded of {@code --cpus}. */
    public static String whyNoCpuQuota(InspectedContainer container) {
        return whyNoLimit("--cpus", "HostConfig.NanoCpus", container.nanoCpus());
    }

    private static String whyNoLimit(String option, String field, long recorded) {
        return recorded == 0 ? "the container was started without " + option + " (" + field + " is 0): "
                + "docker run -d --name " + Setting.LIMITED.value() + " --memory 64m --cpus 0.5 nginx"
                : "Docker recorded " + option + " (" + field + " " + recorded + "), but the runtime did not write it to the "
                        + "cgroup: docker info -f '{{.DefaultRuntime}}'";
    }
}
