package org.sysnerd.dockerlabs.docker;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;

/**
 * Testcontainers' start-up check, without its one-check-a-second limit shared by every container of the JVM
 * (with the labs' containers starting together, the last one waited its turn for seconds): the container
 * counts as started once it runs, and as failed once it has stopped.
 */
final class RunningCheck extends StartupCheckStrategy {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Duration limit;
    private final boolean asIs;

    private RunningCheck(Duration limit, boolean asIs) {
        this.limit = limit;
        this.asIs = asIs;
    }

    /** Started once {@code docker inspect} shows it running, within the limit. */
    static RunningCheck within(Duration limit) {
        return new RunningCheck(limit, false);
    }

    /** Started as soon as {@code docker start} returned: the lab itself watches whether it stays up. */
    static RunningCheck asIs() {
        return new RunningCheck(Duration.ZERO, true);
    }

    @Override
    public boolean waitUntilStartupSuccessful(DockerClient client, String containerId) {
        if (asIs) {
            return true;
        }
        StartupStatus[] status = {StartupStatus.NOT_YET_KNOWN};
        await("container " + containerId + " to run").atMost(limit).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(() -> (status[0] = checkStartupState(client, containerId)) != StartupStatus.NOT_YET_KNOWN);
        return status[0] == StartupStatus.SUCCESSFUL;
    }

    @Override
    public StartupStatus checkStartupState(DockerClient client, String containerId) {
        InspectContainerResponse.ContainerState state = getCurrentState(client, containerId);
        if (Boolean.TRUE.equals(state.getRunning())) {
            return StartupStatus.SUCCESSFUL;
        }
        return "created".equals(state.getStatus()) ? StartupStatus.NOT_YET_KNOWN : StartupStatus.FAILED;
    }
}
