package org.sysnerd.dockerlabs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BatchOutput splits one command's answer for several paths back into one answer per path")
class BatchOutputTest {

    @Test
    @DisplayName("realpath -e of an overlay's two short links (recorded): one resolved diff dir per link, in order")
    void realpath_lines() {
        String out = Fixtures.text("batch/realpath-lowerdirs-recorded.txt");

        assertThat(BatchOutput.lines(out, 2)).hasValue(List.of(
                "/var/lib/docker/overlay2/a6cfe26d5b989037480a88a0929c2eceaa92d9e8eb6f1a64fa16e73d28891083-init/diff",
                "/var/lib/docker/overlay2/3621897aff524896168a4f075ac21d9394509a12b1c3c53731f45b37a1d521e9/diff"));
    }

    @Test
    @DisplayName("a line count other than the paths asked, a missing last newline or an empty line is no answer")
    void realpath_mismatch() {
        String out = Fixtures.text("batch/realpath-lowerdirs-recorded.txt");

        assertThat(BatchOutput.lines(out, 3)).isEmpty();
        assertThat(BatchOutput.lines(out, 1)).isEmpty();
        assertThat(BatchOutput.lines(out.strip(), 2)).isEmpty();
        assertThat(BatchOutput.lines("/a\n\n", 2)).isEmpty();
        assertThat(BatchOutput.lines("", 0)).hasValue(List.of());
        assertThat(BatchOutput.lines("", 1)).isEmpty();
    }

    @Test
    @DisplayName("cpu.cfs_quota_us and cpu.cfs_period_us, each ended by a NUL (recorded): each file's text as cat prints it")
    void nul_terminated_files() {
        String out = Fixtures.text("batch/cat-cfs-quota-period-recorded.txt");

        assertThat(BatchOutput.nulTerminated(out, 2)).hasValue(List.of("50000\n", "100000\n"));
    }

    @Test
    @DisplayName("an empty file keeps its place; a NUL inside a file, or a missing last NUL, makes the count differ: no answer")
    void nul_terminated_mismatch() {
        assertThat(BatchOutput.nulTerminated("a\n\0\0b\0", 3)).hasValue(List.of("a\n", "", "b"));
        assertThat(BatchOutput.nulTerminated("nginx\0-g\0\0100000\n\0", 2)).isEmpty();
        assertThat(BatchOutput.nulTerminated("50000\n\0" + "100000\n", 2)).isEmpty();
        assertThat(BatchOutput.nulTerminated("", 0)).hasValue(List.of());
        assertThat(BatchOutput.nulTerminated("", 1)).isEmpty();
    }
}
