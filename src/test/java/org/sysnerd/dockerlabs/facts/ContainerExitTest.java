package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ContainerExit tells an OOM kill from other ends, whichever way Docker reports it")
class ContainerExitTest {

    @Test
    @DisplayName("exit code 137 with OOMKilled, or with only the oom event (Docker handled the exit first), is an OOM kill")
    void oom_kill_either_way() {
        assertThat(new ContainerExit("exited", 137, true, true).killedByOom()).isTrue();
        assertThat(new ContainerExit("exited", 137, false, true).killedByOom()).isTrue();
        assertThat(new ContainerExit("exited", 137, true, false).killedByOom()).isTrue();
    }

    @Test
    @DisplayName("a SIGKILL that Docker did not (yet) report as an OOM kill is not reported, and not an OOM kill")
    void sigkill_without_an_oom_report() {
        ContainerExit exit = new ContainerExit("exited", 137, false, false);

        assertThat(exit.reported()).isFalse();
        assertThat(exit.killedByOom()).isFalse();
    }

    @Test
    @DisplayName("tail stopped by the shell's ulimit (exit 1) is reported at once, and is no OOM kill")
    void out_of_memory_at_the_ulimit() {
        ContainerExit exit = new ContainerExit("exited", 1, false, false);

        assertThat(exit.reported()).isTrue();
        assertThat(exit.killedByOom()).isFalse();
        assertThat(exit).hasToString("exited (exit code 1, OOMKilled false)");
    }

    @Test
    @DisplayName("a running container has not ended")
    void running_is_not_reported() {
        assertThat(new ContainerExit("running", 0, false, false).reported()).isFalse();
    }
}
