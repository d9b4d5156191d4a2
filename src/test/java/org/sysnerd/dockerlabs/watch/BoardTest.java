package org.sysnerd.dockerlabs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sysnerd.dockerlabs.report.LabStatus.FAILED;
import static org.sysnerd.dockerlabs.report.LabStatus.PASSED;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.report.Report;
import org.sysnerd.dockerlabs.watch.Board.Detail;
import org.sysnerd.dockerlabs.watch.Board.Line;
import org.sysnerd.dockerlabs.watch.Board.Tone;
import org.sysnerd.dockerlabs.watch.FactHistory.Change;

@DisplayName("The watch's board")
class BoardTest {

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    @Test
    @DisplayName("shows each lab with its verdict and points, each fact, and the hint of a failed lab")
    void shows_labs_facts_and_hint() {
        List<String> board = texts(Board.lines(Reports.q1(PASSED, FAILED, FAILED), Map.of(), null, "checked", Detail.ALL));

        assertThat(board).anySatisfy(l -> assertThat(l).startsWith("Q1 ").contains("FAILED").contains("1 of 3 points"))
                .anySatisfy(l -> assertThat(l).contains("✓ " + Reports.PID))
                .anySatisfy(l -> assertThat(l).contains("✗ " + Reports.NETNS))
                .contains("      Expected: a running container named web",
                        "      Why: web is paused (docker pause froze its processes): docker unpause web")
                .contains("1/2 labs passed · 2 of 4 points");
        assertThat(board.get(board.size() - 1)).isEqualTo("checked");
    }

    @Test
    @DisplayName("marks a regression and a fact that now passes, and says when all labs passed")
    void marks_changes() {
        List<Line> regressed = Board.lines(Reports.q1(FAILED, PASSED, PASSED),
                Map.of("Q1 · " + Reports.PID, Change.REGRESSION), null, "checked", Detail.ALL);
        List<String> fixed = texts(Board.lines(Reports.q1(PASSED, PASSED, PASSED),
                Map.of("Q1 · " + Reports.PID, Change.NOW_PASSES), null, "checked", Detail.ALL));

        assertThat(regressed).contains(new Line("    ✗ " + Reports.PID + "  ← REGRESSION: it passed before in this watch",
                Tone.FAILED));
        assertThat(fixed).anySatisfy(l -> assertThat(l).startsWith("Q1 ").contains("PASSED").endsWith("← now passes"))
                .contains("    ✓ " + Reports.PID + "  ← now passes", "All 2 labs passed · 4 of 4 points");
    }

    @Test
    @DisplayName("shows BLOCKED with the cause when Docker does not answer, and the last verdicts under it")
    void shows_blocked() {
        List<Line> board = Board.lines(Reports.q1(PASSED, PASSED, PASSED), Map.of(),
                "the Docker daemon at unix:///var/run/docker.sock does not answer: connection refused", "checked", Detail.ALL);

        assertThat(board.get(1)).isEqualTo(new Line("BLOCKED: the Docker daemon at unix:///var/run/docker.sock does not "
                + "answer: connection refused", Tone.BLOCKED));
    }

    @Test
    @DisplayName("leaves out the passed labs' facts when the terminal is short, but never a regression")
    void fits_a_short_terminal() {
        List<String> board = texts(Board.lines(Reports.q1(FAILED, PASSED, PASSED),
                Map.of("Q1 · " + Reports.PID, Change.REGRESSION), null, "checked", Detail.LABS));

        assertThat(board).noneMatch(l -> l.contains(Reports.EXITS)).noneMatch(l -> l.contains(Reports.NETNS))
                .anySatisfy(l -> assertThat(l).contains(Reports.PID).contains("REGRESSION"));
    }

    @Test
    @DisplayName("says which engine the labs looked at and how the host was read, as the self-grade does")
    void names_the_engine() {
        Report checked = Reports.q1(PASSED, PASSED, PASSED);
        Report withEngine = new Report(checked.schema(), checked.runId(), checked.mode(), checked.startedAt(),
                checked.finishedAt(), Map.of("summary", "Docker 29.7.2 · overlayfs (containerd store) · cgroup v2 (systemd)"),
                "through the daemon (helper container docker-labs-probe-1, alpine), because this process is not root",
                checked.preflight(), checked.labs(), checked.passed(), checked.total());

        assertThat(texts(Board.lines(withEngine, Map.of(), null, "checked", Detail.ALL)))
                .contains("Docker 29.7.2 · overlayfs (containerd store) · cgroup v2 (systemd) · host read through the daemon");
        assertThat(texts(Board.lines(checked, Map.of(), null, "checked", Detail.ALL))).noneMatch(l -> l.contains("host read"));
    }
}
