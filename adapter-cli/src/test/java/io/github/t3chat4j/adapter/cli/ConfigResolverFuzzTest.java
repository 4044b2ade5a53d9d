package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the {@code .env} parser arbitrary text, split into lines as {@link ConfigResolver#readDotEnv}
 * reads the file. Documented outcome: the pairs, never an exception; lines that are not a pair are
 * skipped; a key is trimmed, not empty, and holds no {@code =}; nothing spans lines.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConfigResolverFuzzTest {

    @FuzzTest
    void parsesAnyDotEnv_intoTrimmedPairs(byte[] input) {
        List<String> lines = new String(input, StandardCharsets.UTF_8).lines().toList();

        Map<String, String> values = ConfigResolver.parseDotEnv(lines);

        assertThat(values.size()).isLessThanOrEqualTo(lines.size());
        values.forEach((key, value) -> {
            assertThat(key).isNotEmpty().isEqualTo(key.strip()).doesNotContain("=").doesNotStartWith("#");
            assertThat(value).isNotNull().doesNotContain("\n", "\r");
            assertThat(lines).anyMatch(line -> line.contains(key) && line.contains(value));
        });
    }
}
