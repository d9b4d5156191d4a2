package org.sysnerd.dockerlabs.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.parse.Fixtures;
import org.sysnerd.dockerlabs.parse.InspectParser;

/** Q5's stayup, graded from recorded {@code docker inspect} outputs and the command name of its PID 1 on the host. */
@DisplayName("A container kept up by a foreground process it was given")
class ForegroundProcessTest {

    private static final List<String> ALPINE_DEFAULT = List.of("/bin/sh");
    private static final Map<String, InspectedContainer> VARIANTS = InspectParser.containers(
            Fixtures.text("inspect/learner-variants-recorded.json")).stream()
            .collect(Collectors.toMap(InspectedContainer::name, Function.identity()));

    private static ForegroundProcess stayup(String name) {
        return new ForegroundProcess(VARIANTS.get(name), ALPINE_DEFAULT);
    }

    @ParameterizedTest(name = "{0}: PID 1 {1}")
    @DisplayName("holds for any foreground process given as the command")
    @CsvSource({"h26-stayup-tail, tail", "h26-stayup-inf, sleep", "h26-stayup-loop, sh"})
    void holds_for_a_given_foreground_process(String name, String pid1) {
        assertThat(stayup(name).holds(pid1)).isTrue();
    }

    @Test
    @DisplayName("holds for the page's sleep 1000")
    void holds_for_the_pages_solution() {
        InspectedContainer page = InspectParser.containers(Fixtures.text("inspect/learner-done-recorded.json")).stream()
                .filter(c -> c.name().equals("stayup")).findFirst().orElseThrow();

        assertThat(new ForegroundProcess(page, ALPINE_DEFAULT).holds("sleep")).isTrue();
    }

    @Test
    @DisplayName("holds when the command execs a program it names (sh -c 'exec sleep 1000' makes PID 1 sleep)")
    void holds_for_a_program_the_command_names() {
        assertThat(stayup("h26-stayup-loop").isPid1("sleep")).isTrue();
    }

    @Test
    @DisplayName("fails when PID 1 is not the command it was given (its lesson: HostProcessAssertTest)")
    void fails_for_another_pid_1() {
        ForegroundProcess tail = stayup("h26-stayup-tail");

        assertThat(tail.holds("nginx")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("holds for the image's shell kept up by docker run -it or -i: the page's docker ps shows it up")
    @CsvSource({"h26-stayup-it", "h26-stayup-i"})
    void holds_for_a_shell_kept_up_by_a_terminal(String name) {
        ForegroundProcess kept = stayup(name);

        assertThat(kept.keptByATerminal()).isTrue();
        assertThat(kept.holds("sh")).isTrue();
    }

    @Test
    @DisplayName("holds for a one-word command run with a terminal (docker run -dit alpine top)")
    void holds_for_a_command_with_a_terminal() {
        InspectedContainer it = VARIANTS.get("h26-stayup-it");
        InspectedContainer top = new InspectedContainer("id", "kit-stayup-top", "alpine", "sha256:x", it.state(), null, null, false,
                0, List.of("top"), List.of(), List.of(), 0, 0, Map.of(), Map.of(), true, true);

        assertThat(new ForegroundProcess(top, ALPINE_DEFAULT).holds("top")).isTrue();
    }

    @Test
    @DisplayName("holds when an init process runs the given command (docker run --init: PID 1 is docker-init)")
    void holds_under_an_init_process() {
        assertThat(stayup("h26-stayup-tail").holds("docker-init")).isTrue();
    }

    @Test
    @DisplayName("stayup run with no command exited (its lesson: ContainerAssertTest)")
    void exited_without_a_command() {
        InspectedContainer nocmd = VARIANTS.get("h26-stayup-nocmd");

        assertThat(nocmd.running()).isFalse();
    }

    @Test
    @DisplayName("matches a command name the kernel cut to 15 characters")
    void matches_a_cut_command_name() {
        InspectedContainer long_ = new InspectedContainer("id", "kit-stayup-long", "alpine", "sha256:x", VARIANTS.get("h26-stayup-tail")
                .state(), null, null, false, 0, List.of("/usr/local/bin/a-very-long-program-name"), List.of(), List.of(),
                0, 0, Map.of(), Map.of());

        assertThat(new ForegroundProcess(long_, ALPINE_DEFAULT).holds("a-very-long-pro")).isTrue();
    }
}
