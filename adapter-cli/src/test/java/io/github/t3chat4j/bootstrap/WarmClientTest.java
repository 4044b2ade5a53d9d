package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client decides before anything else is loaded: whether a run may go warm (the setting, the
 * command), how long the warm process waits, and where it lives.
 */
class WarmClientTest {

    @TempDir
    Path home;

    @Test
    void sendsCommandsWarm_butNotTheChatTheGatewayDaemonHelpOrAPromptingLogin() {
        assertThat(WarmClient.warmCommand(new String[] {"ask", "hi"}, true)).isTrue();
        assertThat(WarmClient.warmCommand(new String[] {"--base-url", "http://x", "--demo", "ask", "chat"}, true)).isTrue();
        assertThat(WarmClient.warmCommand(new String[] {"--timeout", "ask", "conversations", "list"}, true)).isTrue();
        assertThat(WarmClient.warmCommand(new String[] {"login", "--from-browser", "firefox"}, true)).isTrue();
        assertThat(WarmClient.warmCommand(new String[] {"login"}, false)).as("piped credentials").isTrue();

        assertThat(WarmClient.warmCommand(new String[] {"login"}, true)).as("asks on the terminal").isFalse();
        assertThat(WarmClient.warmCommand(new String[] {"chat"}, true)).isFalse();
        assertThat(WarmClient.warmCommand(new String[] {}, true)).isFalse();
        assertThat(WarmClient.warmCommand(new String[] {"serve"}, true)).isFalse();
        assertThat(WarmClient.warmCommand(new String[] {"daemon", "stop"}, true)).isFalse();
        assertThat(WarmClient.warmCommand(new String[] {"--version"}, true)).isFalse();
        assertThat(WarmClient.warmCommand(new String[] {"--help", "ask"}, true)).isFalse();
        assertThat(WarmClient.warmCommand(new String[] {"--base-url", "ask", "chat"}, true)).isFalse();
    }

    @Test
    void isOnUnlessTheEnvironmentOrTheConfigFileTurnsItOff_orTheEnvironmentHasJvmOptions() throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString());
        assertThat(WarmClient.enabled(env)).isTrue();
        assertThat(WarmClient.enabled(Map.of("T3_DAEMON", "off"))).isFalse();
        assertThat(WarmClient.enabled(Map.of("T3_DAEMON", "FALSE"))).isFalse();
        assertThat(WarmClient.enabled(Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"))).isFalse();

        Path config = Files.createDirectories(home.resolve(".config/t3chat4j")).resolve("config.properties");
        Files.writeString(config, "T3_DAEMON=off\nT3_DAEMON_IDLE=90s\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        assertThat(WarmClient.enabled(env)).isFalse();
        assertThat(WarmClient.enabled(Map.of("HOME", home.toString(), "T3_DAEMON", "on"))).isTrue();
        assertThat(WarmClient.idleMillis(env)).isEqualTo(90_000);
        assertThat(WarmClient.idleMillis(Map.of("HOME", home.toString(), "T3_DAEMON_IDLE", "2m"))).isEqualTo(120_000);
        assertThat(WarmClient.idleMillis(Map.of("T3_DAEMON_IDLE", "soon"))).isEqualTo(WarmClient.DEFAULT_IDLE_MILLIS);
    }

    @Test
    void ignoresAFoldersDotEnv_forWhereItsRunsAreServed() throws Exception {
        Files.writeString(home.resolve(".env"), "T3_DAEMON=off\n");

        assertThat(WarmClient.enabled(Map.of("HOME", home.toString()))).isTrue();
    }

    @Test
    void livesInAPlacePerHomeJdkJarAndJvmOptions_underTheRuntimeFolder() {
        Path jar = Path.of("/opt/t3/t3.jar");
        Map<String, String> env = Map.of("HOME", "/home/a", "XDG_RUNTIME_DIR", home.toString());
        WarmPlace place = WarmPlace.of(env, "/jdk", jar).orElseThrow();

        assertThat(place.socket()).startsWithRaw(home.resolve("t3chat4j/warm"));
        assertThat(WarmPlace.of(Map.of("HOME", "/home/b", "XDG_RUNTIME_DIR", home.toString()), "/jdk", jar)
                .orElseThrow().folder()).isNotEqualTo(place.folder());
        assertThat(WarmPlace.of(env, "/other-jdk", jar).orElseThrow().folder()).isNotEqualTo(place.folder());
        assertThat(WarmPlace.of(env, "/jdk", Path.of("/opt/t4/t3.jar")).orElseThrow().folder())
                .isNotEqualTo(place.folder());
        assertThat(WarmPlace.of(Map.of("HOME", "/home/a", "XDG_RUNTIME_DIR", home.toString(), "T3_JAVA_OPTS", "-Xmx1g"),
                "/jdk", jar).orElseThrow().folder()).isNotEqualTo(place.folder());
        assertThat(WarmPlace.of(Map.of("HOME", "/home/a"), "/jdk", jar).orElseThrow().folder())
                .startsWithRaw(Path.of("/home/a/.local/state/t3chat4j/warm"));
        assertThat(WarmPlace.of(Map.of("HOME", "/" + "x".repeat(120)), "/jdk", jar)).as("too long for a socket")
                .isEmpty();
        assertThat(WarmPlace.of(Map.of(), "/jdk", jar)).isEmpty();
    }

    @Test
    void usesOnlyAFolderThatIsThisUsersAndPrivate() throws Exception {
        WarmPlace place = WarmPlace.of(Map.of("XDG_RUNTIME_DIR", home.toString()), "/jdk", Path.of("/t3.jar"))
                .orElseThrow();

        assertThat(place.prepare()).isTrue();
        Files.setPosixFilePermissions(place.folder(), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(place.isPrivate()).isFalse();
        assertThat(place.prepare()).as("an existing folder is not made private behind the user's back").isFalse();
    }
}
