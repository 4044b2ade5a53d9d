package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.t3chat4j.application.error.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads arbitrary bytes as the settings file. Documented outcome: the settings, or a
 * {@link StorageException} naming the file; a file that cannot be read is never replaced by an update,
 * and one that can keeps every setting through an update of another.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConfigFileAdapterFuzzTest {

    @TempDir
    static Path folder;

    @FuzzTest
    void readsAnySettingsFile_orRefusesIt(byte[] content) throws Exception {
        Path file = folder.resolve("config.properties");
        Files.write(file, content);
        ConfigFileAdapter adapter = new ConfigFileAdapter(file, new AtomicFiles(Files::move, channel -> { }));
        Map<String, Optional<String>> change = Map.of("FUZZ_SETTING", Optional.of("changed"));

        Map<String, String> settings;
        try {
            settings = adapter.loadSettings();
        } catch (StorageException documented) {
            assertThat(documented.getMessage()).startsWith("Could not read the settings in " + file + ": ");
            assertThatThrownBy(() -> adapter.updateSettings(change)).isInstanceOf(StorageException.class);
            assertThat(Arrays.equals(Files.readAllBytes(file), content)).as("the file is left as it is").isTrue();
            return;
        }

        adapter.updateSettings(change);
        Map<String, String> expected = new TreeMap<>(settings);
        expected.put("FUZZ_SETTING", "changed");
        assertThat(adapter.loadSettings()).isEqualTo(expected);
    }
}
