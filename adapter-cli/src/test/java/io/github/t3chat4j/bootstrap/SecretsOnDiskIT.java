package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret is left on disk when {@code t3} is stopped by a signal: the packaged jar as a process, its
 * temporary folder a test folder of its own, and real signals. The curl transport keeps the chat body
 * (the convex session id in it) in a private file while curl starts; signing in from a browser copies
 * the profile's cookie database (the session in plain text). The waits are hang guards only.
 */
class SecretsOnDiskIT {

    private static final Path JAR = Path.of("target", "t3.jar");

    @TempDir
    Path home;

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void deletesCurlsChatBody_whenStoppedWithSigterm() throws Exception {
        assumeTrue(curlIsInstalled(), "curl is not installed");
        try (DribblingT3 server = new DribblingT3()) {
            Process t3 = start(server.baseUrl().toString(), "--transport", "curl", "ask", "hi");
            waitUntil(() -> server.chats() > 0 && !leftBehind("t3chat4j-curl-").isEmpty());

            signal(t3, "TERM");

            assertThat(t3.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(leftBehind("t3chat4j-curl-")).isEmpty();
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void sweepsTheChatBodyAKill9LeftBehind_onTheNextRun() throws Exception {
        assumeTrue(curlIsInstalled(), "curl is not installed");
        try (DribblingT3 server = new DribblingT3()) {
            Process t3 = start(server.baseUrl().toString(), "--transport", "curl", "ask", "hi");
            waitUntil(() -> server.chats() > 0 && !leftBehind("t3chat4j-curl-").isEmpty());

            signal(t3, "KILL");
            assertThat(t3.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(leftBehind("t3chat4j-curl-")).as("what kill -9 leaves").isNotEmpty();
        }
        try (FakeT3Server server = FakeT3Server.start()) {
            Process next = start(server.baseUrl().toString(), "ask", "hello again");

            assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(next.exitValue()).as(Files.readString(home.resolve("stderr.txt"))).isZero();
            assertThat(leftBehind("t3chat4j-curl-")).isEmpty();
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void deletesTheCopyOfTheBrowsersCookies_whenLoginIsStoppedWithSigterm() throws Exception {
        Path profile = chromiumProfileWithAKeyringCookie();
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path asked = home.resolve("keyring-asked");
        // A keyring that takes its time: the profile's copy waits on disk meanwhile.
        Path secretTool = bin.resolve("secret-tool");
        Files.writeString(secretTool, "#!/bin/sh\ntouch '" + asked + "'\nsleep 60\n");
        Files.setPosixFilePermissions(secretTool, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of(java(), "-Djava.io.tmpdir=" + tmp(), "-jar",
                JAR.toAbsolutePath().toString(), "login", "--from-browser", "chromium:" + profile));
        ProcessBuilder builder = builder(command);
        builder.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process t3 = builder.start();
        waitUntil(() -> Files.exists(asked));
        assertThat(leftBehind("t3chat4j-browser-")).as("the copy while the keyring is asked").isNotEmpty();

        signal(t3, "TERM");

        assertThat(t3.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(leftBehind("t3chat4j-browser-")).isEmpty();
    }

    private Process start(String baseUrl, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Djava.io.tmpdir=" + tmp(), "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = builder(command);
        builder.environment().put("COOKIES", "wos-session=on-disk-secret; convex-session-id=cvx-on-disk");
        builder.environment().put("T3_BASE_URL", baseUrl);
        return builder.start();
    }

    private ProcessBuilder builder(List<String> command) {
        assertThat(JAR).exists();
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).redirectOutput(home.resolve("stdout.txt").toFile())
                .redirectError(home.resolve("stderr.txt").toFile());
        builder.environment().remove("COOKIES");
        builder.environment().remove("CONVEX_SESSION_ID");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        return builder;
    }

    private Path tmp() throws IOException {
        return Files.createDirectories(home.resolve("tmp"));
    }

    private List<Path> leftBehind(String prefix) {
        try (Stream<Path> entries = Files.list(tmp())) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path chromiumProfileWithAKeyringCookie() throws IOException, SQLException {
        Path profile = Files.createDirectories(home.resolve("chromium-profile"));
        Path cookies = Files.createDirectories(profile.resolve("Network")).resolve("Cookies");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + cookies);
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR)");
            sql.execute("INSERT INTO meta VALUES ('version', '24')");
            sql.execute("CREATE TABLE cookies(creation_utc INTEGER NOT NULL, host_key TEXT NOT NULL, name TEXT NOT"
                    + " NULL, value TEXT NOT NULL, encrypted_value BLOB NOT NULL, path TEXT NOT NULL, expires_utc"
                    + " INTEGER NOT NULL)");
            try (PreparedStatement row = db.prepareStatement("INSERT INTO cookies VALUES (1, '.t3.chat',"
                    + " 'wos-session', '', ?, '/', 0)")) {
                byte[] sealed = new byte[35];
                System.arraycopy("v11".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, sealed, 0, 3);
                row.setBytes(1, sealed);
                row.executeUpdate();
            }
        }
        return profile;
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(20);
        }
    }

    private static boolean curlIsInstalled() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
