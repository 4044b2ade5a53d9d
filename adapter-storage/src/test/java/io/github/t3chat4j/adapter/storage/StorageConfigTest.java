package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageConfigTest {

    @Test
    void usesXdgDataHome_whenSet() {
        StorageConfig config = StorageConfig.fromEnvironment(Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/me"));

        assertThat(config.dataDir()).isEqualTo(Path.of("/data/t3chat4j"));
        assertThat(config.conversationsDir()).isEqualTo(Path.of("/data/t3chat4j/conversations"));
        assertThat(config.imagesDir()).isEqualTo(Path.of("/data/t3chat4j/images"));
    }

    @Test
    void fallsBackToHomeLocalShare_whenXdgDataHomeIsUnsetBlankOrRelative() {
        assertThat(StorageConfig.fromEnvironment(Map.of("HOME", "/home/me")).dataDir())
                .isEqualTo(Path.of("/home/me/.local/share/t3chat4j"));
        assertThat(StorageConfig.fromEnvironment(Map.of("XDG_DATA_HOME", " ", "HOME", "/home/me")).dataDir())
                .isEqualTo(Path.of("/home/me/.local/share/t3chat4j"));
        assertThat(StorageConfig.fromEnvironment(Map.of("XDG_DATA_HOME", "rel", "HOME", "/home/me")).dataDir())
                .isEqualTo(Path.of("/home/me/.local/share/t3chat4j"));
    }

    @Test
    void saysWhatToSet_whenNeitherVariableIsUsable() {
        assertThatThrownBy(() -> StorageConfig.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XDG_DATA_HOME or HOME");
    }
}
