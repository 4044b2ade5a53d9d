package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.EdgeCheckpoint;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code t3 doctor} run in-process through the real composition root against the fake t3.chat: a
 * healthy site, an expired session that renewal recovers, a revoked session, t3.chat's edge checkpoint
 * turning every transport away or letting the browser through (every transport's home page side by
 * side), and a refused connection.
 */
class DoctorCommandTest {

    private static final String COOKIES = "theme=dark; wos-session=SECRET-WOS-VALUE";
    private static final String CONVEX = "SECRET-CONVEX-VALUE";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private FakeT3Server server;

    @TempDir
    Path dataHome;

    @BeforeEach
    void startServer() {
        server = FakeT3Server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void passesEveryCheck_andSendsNoChat_onAHealthySite() {
        int code = doctor(credentials(), "--base-url", server.baseUrl().toString(), "doctor");

        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).containsSubsequence("[ ok ] credentials", "[ ok ] clock", "[ ok ] proxy",
                "[ ok ] dns", "[ ok ] tls", "[ ok ] home page [java]", "[ ok ] session renewal [java]",
                "[ ok ] tRPC [java]", "[skip] chat [java]", "Ready: a chat can work with the java transport.");
        assertThat(server.requests("/api/chat")).isEmpty();
        assertSecretsNotPrinted();
    }

    @Test
    void sendsATinyChat_onlyWhenAsked() {
        int code = doctor(credentials(), "--base-url", server.baseUrl().toString(), "doctor", "--chat");

        assertThat(code).as(out.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("[ ok ] chat [java]");
        assertThat(server.requests("/api/chat")).hasSize(1);
    }

    @Test
    void recoversAnExpiredSession_byRenewingIt() {
        server.expireSessionUntilRefresh("rotated-SECRET-token");

        int code = doctor(credentials(), "--base-url", server.baseUrl().toString(), "doctor", "--chat");

        assertThat(code).as(out.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("t3.chat renewed the session cookie").contains("[ ok ] chat [java]");
        assertThat(server.lastRequest("/api/chat").orElseThrow().cookie("wos-session")).hasValue("rotated-SECRET-token");
        assertSecretsNotPrinted();
        assertThat(out.toString()).doesNotContain("rotated-SECRET-token");
    }

    @Test
    void saysToSignInAgain_whenTheSessionIsRevoked() {
        server.revokeSession();

        int code = doctor(credentials(), "--base-url", server.baseUrl().toString(), "doctor");

        assertThat(code).isEqualTo(ExitCode.AUTH);
        assertThat(out.toString()).contains("[ ok ] home page [java]")
                .containsPattern(line("FAIL", "session renewal [java]", "the session was refused"))
                .doesNotContain("session renewal [browser]")
                .contains("What to do: Your session is no longer valid");
        assertSecretsNotPrinted();
    }

    @Test
    void showsEveryTransportSideBySide_andNamesTheCheckpoint_whenItTurnsEveryOneAway() {
        server.edgeCheckpoint(EdgeCheckpoint.vercel().unsolvable());

        int code = doctor(credentials(), "--base-url", server.baseUrl().toString(), "--first-byte-timeout", "2s",
                "doctor");

        assertThat(code).as(out.toString()).isEqualTo(ExitCode.BLOCKED);
        assertThat(out.toString()).containsPattern(line("FAIL", "home page [java]",
                "turned away by t3.chat's bot checkpoint (HTTP 429, x-vercel-mitigated: challenge)"))
                .containsPattern(line("skip", "home page [curl-impersonate]", "this transport cannot run here"))
                .contains("Not ready").doesNotContain("session renewal").doesNotContain("rate limit");
        if (RealBrowsers.find("chromium").isPresent()) {
            assertThat(out.toString()).containsPattern(line("FAIL", "home page [browser]",
                    "turned away by t3.chat's bot checkpoint")).contains("even a real browser", "t3 login --from-browser");
        } else {
            assertThat(out.toString()).containsPattern(line("skip", "home page [browser]",
                    "this transport cannot run here")).contains("Install Google Chrome or Chromium");
        }
        assertSecretsNotPrinted();
    }

    @Test
    void findsTheBrowserGetsThrough_andSaysHowToMakeItTheDefault_whenTheJvmIsTurnedAway() {
        RealBrowsers.require("chromium");
        server.edgeCheckpoint(EdgeCheckpoint.vercel());

        int code = doctor(credentials(), "--base-url", server.baseUrl().toString(), "doctor");

        assertThat(code).as(out.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).containsPattern(line("FAIL", "home page [java]",
                "turned away by t3.chat's bot checkpoint (HTTP 429, x-vercel-mitigated: challenge)"))
                .containsPattern(line(" ok ", "home page [browser]", "ok over HTTP/1.1"))
                .containsPattern(line(" ok ", "session renewal [browser]", "ok"))
                .containsPattern(line(" ok ", "tRPC [browser]", "ok"))
                .contains("Ready: a chat can work with the browser transport.")
                .contains("export T3_TRANSPORT=browser", "--transport browser", "falls back to it by itself");
        assertSecretsNotPrinted();
    }

    @Test
    void reportsANetworkFailure_whenTheConnectionIsRefused() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        int code = doctor(credentials(), "--base-url", "http://127.0.0.1:" + closedPort, "doctor");

        assertThat(code).isEqualTo(ExitCode.NETWORK);
        assertThat(out.toString()).contains("[FAIL] tls").containsPattern(line("FAIL", "home page [java]", "network failure"))
                .contains("[skip] clock").contains("What to do: t3.chat could not be reached");
    }

    @Test
    void reportsMissingCredentials_asTheFirstFailure() {
        int code = doctor(Map.of(), "--base-url", server.baseUrl().toString(), "doctor");

        assertThat(code).isEqualTo(ExitCode.AUTH);
        assertThat(out.toString()).startsWith("[FAIL] credentials").contains("run t3 login");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void printsOneJsonObject_forScripts() throws IOException {
        int code = doctor(credentials(), "--base-url", server.baseUrl().toString(), "--transport", "curl", "doctor",
                "--json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(json.path("ready").asBoolean()).isTrue();
        assertThat(json.path("transport").asText()).isEqualTo("curl");
        assertThat(json.path("checks").get(0).path("name").asText()).isEqualTo("credentials");
        assertThat(json.path("checks").get(0).path("status").asText()).isEqualTo("pass");
    }

    private int doctor(Map<String, String> env, String... args) {
        Map<String, String> withData = new HashMap<>(env);
        withData.put("HOME", dataHome.resolve("home").toString());
        withData.put("XDG_DATA_HOME", dataHome.toString());
        withData.put("XDG_CONFIG_HOME", dataHome.resolve("config").toString());
        withData.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), withData, true, false, args);
    }

    /** A line of the doctor's report, whatever the width of its name column. */
    private static java.util.regex.Pattern line(String status, String name, String detailStart) {
        return java.util.regex.Pattern.compile("\\[" + java.util.regex.Pattern.quote(status) + "\\] "
                + java.util.regex.Pattern.quote(name) + " +" + java.util.regex.Pattern.quote(detailStart));
    }

    private static Map<String, String> credentials() {
        Map<String, String> env = new HashMap<>();
        env.put("COOKIES", COOKIES);
        env.put("CONVEX_SESSION_ID", "\"" + CONVEX + "\"");
        return env;
    }

    private void assertSecretsNotPrinted() {
        assertThat(out.toString() + err).doesNotContain("SECRET-WOS-VALUE").doesNotContain(CONVEX);
    }
}
