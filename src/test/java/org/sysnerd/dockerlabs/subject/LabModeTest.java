package org.sysnerd.dockerlabs.subject;

import org.sysnerd.dockerlabs.settings.Setting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one switch that decides whose containers the labs look at (read, not set: the labs run in this JVM too). */
@DisplayName("The mode switch")
class LabModeTest {

    @Test
    @DisplayName("learner is the fallback (./mvnw test grades your work); the spec mode starts the suite's own containers, the learner mode none")
    void learner_by_default() {
        assertThat(LabMode.of(Setting.MODE.fallback())).isEqualTo(LabMode.LEARNER);
        assertThat(LabMode.SPEC.startsLabContainers()).isTrue();
        assertThat(LabMode.LEARNER.startsLabContainers()).isFalse();
    }

    @Test
    @DisplayName("learner names the learner mode, whatever its case")
    void learner() {
        assertThat(LabMode.of("Learner")).isEqualTo(LabMode.LEARNER).hasToString("learner");
    }

    @Test
    @DisplayName("a value that names no mode is refused, saying the two there are")
    void refuses_a_typo() {
        assertThatIllegalArgumentException().isThrownBy(() -> LabMode.of("learnr"))
                .withMessage("-Dlabs.mode / LABS_MODE is 'learnr', which is no mode: use spec (the suite's own containers) "
                        + "or learner (your own)");
    }
}
