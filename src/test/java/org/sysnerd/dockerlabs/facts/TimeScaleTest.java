package org.sysnerd.dockerlabs.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TimeScale: the limits of a slow host, said by who knows it")
class TimeScaleTest {

    @Test
    @DisplayName("unset is 1: the limits as written")
    void unset_is_one() {
        assertThat(TimeScale.parse(null)).isEqualTo(1);
        assertThat(TimeScale.parse(" ")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} s × {1} = {2} ms")
    @CsvSource({"10, 1, 10000", "10, 4, 40000", "45, 2.5, 112500"})
    @DisplayName("a limit is multiplied by the factor")
    void scales(long seconds, String factor, long millis) {
        assertThat(TimeScale.scaled(Duration.ofSeconds(seconds), TimeScale.parse(factor))).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0.5", "0", "-2", "51", "fast", "NaN"})
    @DisplayName("a factor below 1, above 50 or not a number is refused, naming the setting")
    void refuses(String value) {
        assertThatThrownBy(() -> TimeScale.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LABS_TIME_SCALE").hasMessageContaining(value);
    }
}
