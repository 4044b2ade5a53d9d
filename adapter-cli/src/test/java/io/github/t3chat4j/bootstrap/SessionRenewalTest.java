package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a stored login, {@code t3 ask} renews the session cookie once and remembers when; a run minutes
 * later sends its message straight away (one request, not two), and still renews and retries when
 * t3.chat rejects the session.
 */
class SessionRenewalTest {

    private final FakeT3Server server = FakeT3Server.start();
    private final StringWriter err = new StringWriter();
    private T3Runner t3;

    @TempDir
    Path home;

    @BeforeEach
    void logIn() throws IOException {
        Path config = home.resolve("config").resolve("t3chat4j").resolve("config.properties");
        Files.createDirectories(config.getParent());
        // A login made for the fake server, as t3 login --base-url would store it.
        Files.writeString(config, "COOKIES=wos-session=STORED-SECRET; theme=dark\nCONVEX_SESSION_ID=cvx\n"
                + "T3_LOGIN_ORIGIN=" + server.baseUrl().toString().replace(":", "\\:") + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(config.getParent(),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void stop() {
        try {
            if (t3 != null) {
                t3.close();
            }
        } finally {
            server.close();
        }
    }

    /** How t3 is run; the {@code *LauncherIT} subclass runs this class through the packaged launcher, cold and warm. */
    T3Runner.Mode mode() {
        return T3Runner.Mode.IN_PROCESS;
    }

    private int ask(String text) {
        if (t3 == null) {
            t3 = mode().runner(home, Map.of("XDG_DATA_HOME", home.toString(),
                    "XDG_CONFIG_HOME", home.resolve("config").toString(),
                    "XDG_CACHE_HOME", home.resolve("cache").toString()));
        }
        int code = t3.run("--base-url", server.baseUrl().toString(), "ask", text);
        err.write(t3.err());
        return code;
    }

    private List<String> paths() {
        return server.requests().stream().map(RecordedRequest::path).toList();
    }

    private String storedConfig() throws IOException {
        return Files.readString(home.resolve("config").resolve("t3chat4j").resolve("config.properties"));
    }

    @Test
    void renewsOnTheFirstRun_andSendsAtOnceOnTheNext() throws IOException {
        int first = ask("one");
        List<String> firstRun = paths();
        server.reset();

        int second = ask("two");

        assertThat(first).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(firstRun).containsExactly(FakeT3Server.ACTIVE_SESSIONS_PATH, "/api/chat");
        assertThat(storedConfig()).contains("COOKIES_RENEWED_AT=");
        assertThat(second).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(paths()).containsExactly("/api/chat");
    }

    @Test
    void stillRenewsAndRetries_whenTheFreshSessionIsRejected() throws IOException {
        ask("one");
        server.reset();
        server.expireSessionUntilRefresh("ROTATED-SECRET");

        int code = ask("two");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(paths()).containsExactly("/api/chat", FakeT3Server.ACTIVE_SESSIONS_PATH, "/api/chat");
        assertThat(server.lastRequest("/api/chat").orElseThrow().cookie("wos-session")).contains("ROTATED-SECRET");
        assertThat(storedConfig()).contains("ROTATED-SECRET");
    }
}
