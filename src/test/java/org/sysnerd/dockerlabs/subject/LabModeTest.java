package org.sysnerd.dockerlabs.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The one switch that decides whose containers the labs look at. */
@DisplayName("The mode switch")
@ResourceLock("labs.mode")
class LabModeTest {

    @AfterEach
    void clear() {
        System.clearProperty(Setting.MODE.property());
    }

    @Test
    @DisplayName("is the spec mode unless set; the spec mode starts the suite's own containers")
    void spec_by_default() {
        System.clearProperty(Setting.MODE.property());

        assertThat(LabMode.current()).isEqualTo(System.getenv("LABS_MODE") == null ? LabMode.SPEC : LabMode.current());
        assertThat(LabMode.SPEC.startsLabContainers()).isTrue();
        assertThat(LabMode.LEARNER.startsLabContainers()).isFalse();
    }

    @Test
    @DisplayName("-Dlabs.mode=learner chooses the learner mode, whatever its case")
    void learner_by_property() {
        System.setProperty(Setting.MODE.property(), "Learner");

        assertThat(LabMode.current()).isEqualTo(LabMode.LEARNER);
        assertThat(LabMode.current()).hasToString("learner");
    }

    @Test
    @DisplayName("a value that names no mode is refused, saying the two there are")
    void refuses_a_typo() {
        System.setProperty(Setting.MODE.property(), "learnr");

        assertThatIllegalArgumentException().isThrownBy(LabMode::current)
                .withMessage("-Dlabs.mode / LABS_MODE is 'learnr', which is no mode: use spec (the suite's own containers) "
                        + "or learner (your own)");
        assertThat(LabMode.currentOrSpec()).isEqualTo(LabMode.SPEC);
    }
}
