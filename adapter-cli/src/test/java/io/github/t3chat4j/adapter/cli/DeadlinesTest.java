package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    @Test
    void readsDurationsInEveryUnit_andBareNumbersAsSeconds() {
        assertThat(Deadlines.duration("X", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Deadlines.duration("X", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Deadlines.duration("X", " 2m ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Deadlines.duration("X", "1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Deadlines.duration("X", "45")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void readsSizesInBinaryAndDecimalUnits() {
        assertThat(Deadlines.size("X", "64MiB")).isEqualTo(64L * 1024 * 1024);
        assertThat(Deadlines.size("X", "500KB")).isEqualTo(500_000L);
        assertThat(Deadlines.size("X", "2g")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(Deadlines.size("X", "1048576")).isEqualTo(1_048_576L);
    }

    @Test
    void refusesZeroNegativeAndNonsense_namingTheSetting() {
        for (String bad : new String[] {"0s", "-1s", "soon", "1.5s", ""}) {
            assertThatThrownBy(() -> Deadlines.duration("T3_IDLE_TIMEOUT", bad)).as(bad)
                    .isInstanceOf(CliException.class).hasMessageContaining("T3_IDLE_TIMEOUT");
        }
        assertThatThrownBy(() -> Deadlines.size("T3_MAX_REPLY_SIZE", "lots")).isInstanceOf(CliException.class)
                .hasMessageContaining("T3_MAX_REPLY_SIZE");
    }
}
