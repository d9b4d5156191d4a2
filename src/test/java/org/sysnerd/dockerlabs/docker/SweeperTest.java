package org.sysnerd.dockerlabs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.junit.NeedsDocker;

/**
 * Integration test (needs Docker): the sweeper removes a dead owner's container and keeps a live owner's. Its
 * containers carry the suite's label with a value of their own, so that no other sweeper (this run's preflight,
 * another suite's) sees them: what is gone, the sweeper under test removed.
 */
// A kit test that needs a daemon: skipped, saying so, where there is none (the labs then report "blocked").
@NeedsDocker
class SweeperTest {

    private final DockerClient client = Engine.client();
    private final List<String> made = new ArrayList<>();

    /** The suite's label with this test's own value: other sweepers look for {@code org.sysnerd.docker-labs=true}. */
    private static final Map<String, String> MINE = Map.of(LabRun.SUITE_LABEL, "sweeper-test-" + LabRun.current().id());

    @Test
    void removesTheContainerOfADeadOwnerAndKeepsALiveOwnersOne() throws Exception {
        try {
            String dead = create("dead", exitedProcess());
            String live = create("live", ProcessOwner.self());
            assertThat(exists(dead)).as("the dead owner's container, before the sweep").isTrue();

            List<String> removed = Sweeper.removeOrphans(client, MINE);

            assertThat(removed).as("what the sweep says it removed").singleElement().asString().contains(dead.substring(0, 12));
            assertThat(exists(dead)).as("the dead owner's container, after the sweep").isFalse();
            assertThat(exists(live)).as("the live owner's container is kept").isTrue();
        } finally {
            made.forEach(id -> {
                try {
                    client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
                } catch (NotFoundException gone) {
                    // the sweeper removed it
                }
            });
        }
    }

    /** A process of this host that has exited: its PID and real start time, as a killed run would leave them. */
    private static ProcessOwner exitedProcess() throws Exception {
        Process process = new ProcessBuilder("sleep", "60").start();
        long started = process.info().startInstant().orElseThrow().toEpochMilli();
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("sleep exits when killed").isTrue();
        return new ProcessOwner(ProcessOwner.self().host(), process.pid(), started);
    }

    /** A container as a run leaves it, created but not started: the sweeper goes by labels, whatever the state. */
    private String create(String role, ProcessOwner owner) {
        Map<String, String> labels = new HashMap<>(LabRun.current().labels("sweeper"));
        labels.putAll(MINE);
        labels.put(LabRun.OWNER_LABEL, owner.label());
        String id = client.createContainerCmd(LabImage.ALPINE.resolved().asCanonicalNameString())
                .withName(LabRun.current().containerName("sweeper", role)).withLabels(labels)
                .withCmd("sleep", "60").exec().getId();
        made.add(id);
        return id;
    }

    private boolean exists(String id) {
        try {
            client.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
