package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageConfigTest {

    private static final Map<String, String> ENV = Map.of("HOME", "/home/me", "XDG_DATA_HOME", "/data");

    @Test
    void placesEveryFileInItsXdgFolder() {
        StorageConfig config = StorageConfig.fromEnvironment(ENV);

        assertThat(config.conversationsDir()).isEqualTo(Path.of("/data/t3chat4j/conversations"));
        assertThat(config.imagesDir()).isEqualTo(Path.of("/data/t3chat4j/images"));
        assertThat(config.configFile()).isEqualTo(Path.of("/home/me/.config/t3chat4j/config.properties"));
        assertThat(config.catalogCacheFile()).isEqualTo(Path.of("/home/me/.cache/t3chat4j/model-catalog.json"));
        assertThat(config.inputHistoryFile()).isEqualTo(Path.of("/home/me/.local/state/t3chat4j/history"));
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
                .hasMessageContaining("set HOME, or XDG_DATA_HOME");
    }

    @Test
    void keepsEverythingUnderOneFolder_whenGivenOne() {
        StorageConfig config = new StorageConfig(Path.of("/srv/app/t3"));

        assertThat(config.conversationsDir()).isEqualTo(Path.of("/srv/app/t3/conversations"));
        assertThat(config.imagesDir()).isEqualTo(Path.of("/srv/app/t3/images"));
        assertThat(config.configFile()).isEqualTo(Path.of("/srv/app/t3/config/config.properties"));
        assertThat(config.catalogCacheFile()).isEqualTo(Path.of("/srv/app/t3/cache/model-catalog.json"));
        assertThat(config.inputHistoryFile()).isEqualTo(Path.of("/srv/app/t3/state/history"));
    }

    @Test
    void makesRelativeFoldersAbsolute() {
        StorageConfig config = new StorageConfig(Path.of("some/../where"));

        assertThat(config.dataDir()).isEqualTo(Path.of("where").toAbsolutePath());
    }

    @Test
    void separatesDemoConversationsAndCatalogueButKeepsConfigAndState() {
        StorageConfig real = StorageConfig.fromEnvironment(ENV);

        StorageConfig demo = real.demo();

        assertThat(demo.conversationsDir()).isEqualTo(Path.of("/data/t3chat4j/demo/conversations"));
        assertThat(demo.imagesDir()).isEqualTo(Path.of("/data/t3chat4j/demo/images"));
        assertThat(demo.catalogCacheFile()).isEqualTo(Path.of("/home/me/.cache/t3chat4j/demo/model-catalog.json"))
                .isNotEqualTo(real.catalogCacheFile());
        assertThat(demo.configFile()).isEqualTo(real.configFile());
        assertThat(demo.inputHistoryFile()).isEqualTo(real.inputHistoryFile());
    }
}
