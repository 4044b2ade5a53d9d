package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XdgDirectoriesTest {

    @Test
    void usesEachXdgVariable_whenItIsAnAbsolutePath() {
        XdgDirectories dirs = XdgDirectories.fromEnvironment(Map.of("HOME", "/home/me",
                "XDG_DATA_HOME", "/x/data", "XDG_CONFIG_HOME", "/x/config/", "XDG_CACHE_HOME", "/x/cache",
                "XDG_STATE_HOME", "/x/state"));

        assertThat(dirs).isEqualTo(new XdgDirectories(Path.of("/x/data/t3chat4j"), Path.of("/x/config/t3chat4j"),
                Path.of("/x/cache/t3chat4j"), Path.of("/x/state/t3chat4j")));
    }

    @Test
    void fallsBackToTheSpecDefaultsUnderHome_whenNoXdgVariableIsSet() {
        XdgDirectories dirs = XdgDirectories.fromEnvironment(Map.of("HOME", "/home/me"));

        assertThat(dirs.dataDir()).isEqualTo(Path.of("/home/me/.local/share/t3chat4j"));
        assertThat(dirs.configDir()).isEqualTo(Path.of("/home/me/.config/t3chat4j"));
        assertThat(dirs.cacheDir()).isEqualTo(Path.of("/home/me/.cache/t3chat4j"));
        assertThat(dirs.stateDir()).isEqualTo(Path.of("/home/me/.local/state/t3chat4j"));
    }

    @Test
    void ignoresRelativeAndBlankXdgValues_asTheSpecSays() {
        XdgDirectories dirs = XdgDirectories.fromEnvironment(Map.of("HOME", "/home/me",
                "XDG_DATA_HOME", "relative/data", "XDG_CONFIG_HOME", "./config", "XDG_CACHE_HOME", " ",
                "XDG_STATE_HOME", "~/state"));

        assertThat(dirs).isEqualTo(XdgDirectories.fromEnvironment(Map.of("HOME", "/home/me")));
    }

    @Test
    void mixesXdgVariablesAndHomeDefaults_folderByFolder() {
        XdgDirectories dirs = XdgDirectories.fromEnvironment(Map.of("HOME", "/home/me",
                "XDG_CACHE_HOME", "/fast/cache"));

        assertThat(dirs.cacheDir()).isEqualTo(Path.of("/fast/cache/t3chat4j"));
        assertThat(dirs.configDir()).isEqualTo(Path.of("/home/me/.config/t3chat4j"));
    }

    @Test
    void needsNoHome_whenEveryXdgVariableIsAbsolute() {
        XdgDirectories dirs = XdgDirectories.fromEnvironment(Map.of("XDG_DATA_HOME", "/d", "XDG_CONFIG_HOME", "/c",
                "XDG_CACHE_HOME", "/k", "XDG_STATE_HOME", "/s"));

        assertThat(dirs.stateDir()).isEqualTo(Path.of("/s/t3chat4j"));
    }

    @Test
    void namesEveryFolderAndVariableToSet_whenHomeIsMissing() {
        assertThatThrownBy(() -> XdgDirectories.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot find t3chat4j's data, config, cache and state folders: HOME is not set to an"
                        + " absolute path; set HOME, or XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and"
                        + " XDG_STATE_HOME, to absolute paths.");
    }

    @Test
    void namesOnlyTheFolderThatCannotBeFound_whenHomeIsRelative() {
        assertThatThrownBy(() -> XdgDirectories.fromEnvironment(Map.of("HOME", "me", "XDG_DATA_HOME", "/d",
                "XDG_CONFIG_HOME", "/c", "XDG_CACHE_HOME", "/k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot find t3chat4j's state folder: HOME is not set to an absolute path; set HOME,"
                        + " or XDG_STATE_HOME, to an absolute path.");
    }

    @Test
    void refusesRelativeFolders_whenBuiltDirectly() {
        assertThatThrownBy(() -> new XdgDirectories(Path.of("data"), Path.of("/c"), Path.of("/k"), Path.of("/s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataDir must be an absolute path");
    }
}
