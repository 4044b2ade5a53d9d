package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.BrowserSignInPage;
import io.github.t3chat4j.testkit.EdgeCheckpoint;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.TlsFront;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code t3 login --from-browser} on profiles that real browsers wrote: headless Chromium and Firefox
 * (Debian's packages) open the fake t3.chat's sign-in page as {@code https://t3.chat}, which sets the
 * cookies and the local-storage value; then {@code t3} reads the profile and signs in against the fake
 * server (also behind an edge checkpoint, which t3 gets past with a browser of its own), over loopback
 * only. Skipped, saying so, where the browser is not installed.
 */
class BrowserLoginTest {

    private static final String WOS = "WOS-FROM-BROWSER-0123456789";
    private static final String THEME = "THEME-VALUE-abcdef";
    private static final String CONVEX = "CONVEX-FROM-BROWSER-9876543210";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private FakeT3Server server;
    private TlsFront front;

    @TempDir
    Path work;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
        BrowserSignInPage.install(server, "wos-session=" + WOS + "; theme=" + THEME, CONVEX);
        front = TlsFront.start(server, work);
    }

    @AfterEach
    void stop() {
        front.close();
        server.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", work.resolve("home").toString());
        env.put("XDG_DATA_HOME", work.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.put("XDG_CACHE_HOME", work.resolve("cache").toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", ""));
        return env;
    }

    private int t3(Map<String, String> env, String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, true, false, args);
    }

    private String storedConfig() throws Exception {
        return Files.readString(work.resolve("config/t3chat4j/config.properties"), StandardCharsets.UTF_8);
    }

    @Test
    void signsInFromARealChromiumProfile() throws Exception {
        Path chromium = RealBrowsers.require("chromium", "chromium-browser");
        Path userData = work.resolve("chromium-profile");
        RealBrowsers.chromiumSignsIn(chromium, userData, front);
        server.reset();

        int code = t3(env(), "--base-url", server.baseUrl().toString(), "login", "--from-browser",
                "chromium:" + userData);

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Chromium", userData.resolve("Default").toString(), "wos-session", "theme",
                "Signed in; stored", "share this session");
        assertThat(server.lastRequest(FakeT3Server.ACTIVE_SESSIONS_PATH).flatMap(r -> r.cookie("wos-session")))
                .contains(WOS);
        assertThat(storedConfig()).contains(WOS, THEME, CONVEX);
        assertNoSecretIn(out.toString() + err.toString());
    }

    @Test
    void readsARealChromiumProfileAfreshAtEveryRun_withoutStoringIt() throws Exception {
        Path chromium = RealBrowsers.require("chromium", "chromium-browser");
        Path userData = work.resolve("chromium-profile");
        RealBrowsers.chromiumSignsIn(chromium, userData, front);
        Map<String, String> env = env();
        env.put("T3_COOKIES_FROM_BROWSER", "chromium:" + userData);

        int code = t3(env, "--base-url", server.baseUrl().toString(), "ask", "hello");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        RecordedRequest chat = server.lastRequest("/api/chat").orElseThrow();
        assertThat(chat.cookie("wos-session")).contains(WOS);
        assertThat(chat.body()).contains(CONVEX);
        assertThat(work.resolve("config/t3chat4j/config.properties")).doesNotExist();
        assertNoSecretIn(out.toString() + err.toString());
    }

    @Test
    void signsInFromARealChromiumProfile_andAsks_pastTheEdgeCheckpoint() throws Exception {
        Path chromium = RealBrowsers.require("chromium", "chromium-browser");
        Path userData = work.resolve("chromium-profile");
        RealBrowsers.chromiumSignsIn(chromium, userData, front);
        server.reset();
        server.edgeCheckpoint(EdgeCheckpoint.vercel());

        int login = t3(env(), "--base-url", server.baseUrl().toString(), "login", "--from-browser",
                "chromium:" + userData);
        String loginErr = err.toString();
        int ask = t3(env(), "--base-url", server.baseUrl().toString(), "ask", "hello");

        assertThat(login).as(loginErr).isEqualTo(ExitCode.OK);
        assertThat(loginErr).contains("the browser transport got through");
        assertThat(ask).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Signed in; stored", "Echo(1): hello");
        RecordedRequest chat = server.lastRequest("/api/chat").orElseThrow();
        assertThat(chat.cookie("wos-session")).contains(WOS);
        assertThat(chat.cookie(EdgeCheckpoint.COOKIE)).isPresent();
        assertThat(chat.body()).contains(CONVEX);
        assertThat(storedConfig()).contains("T3_REMEMBERED_TRANSPORTS");
        assertNoSecretIn(out.toString() + err.toString());
    }

    @Test
    void signsInFromARealFirefoxProfile_foundThroughProfilesIni() throws Exception {
        Path firefox = RealBrowsers.require("firefox-esr", "firefox");
        Path profile = work.resolve("firefox-profile");
        RealBrowsers.firefoxSignsIn(firefox, profile, front);
        Path root = work.resolve("home/.mozilla/firefox");
        Files.createDirectories(root);
        Files.writeString(root.resolve("profiles.ini"), "[Profile0]\nName=default-esr\nIsRelative=0\nPath="
                + profile + "\nDefault=1\n\n[General]\nStartWithLastProfile=1\nVersion=2\n");
        server.reset();

        int code = t3(env(), "--base-url", server.baseUrl().toString(), "login", "--from-browser", "firefox");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Firefox", profile.toString(), "wos-session", "theme", "Signed in; stored");
        assertThat(server.lastRequest(FakeT3Server.ACTIVE_SESSIONS_PATH).flatMap(r -> r.cookie("wos-session")))
                .contains(WOS);
        assertThat(storedConfig()).contains(WOS, CONVEX);
        assertNoSecretIn(out.toString() + err.toString());
    }

    @Test
    void listsTheProfilesItLookedIn_whenTheBrowserNeverSignedIn() throws Exception {
        Path chromium = RealBrowsers.require("chromium", "chromium-browser");
        Path userData = work.resolve("chromium-profile");
        server.route(BrowserSignInPage.PATH, (exchange, request) -> exchange.sendResponseHeaders(204, -1));
        RealBrowsers.chromiumSignsIn(chromium, userData, front);

        int code = t3(env(), "--base-url", server.baseUrl().toString(), "login", "--from-browser",
                "chromium:" + userData);

        assertThat(code).isEqualTo(ExitCode.AUTH);
        assertThat(err.toString()).contains("no t3.chat session found in Chromium", "Looked in:",
                userData.resolve("Default").toString(), "no t3.chat cookies", "t3 login");
        assertThat(work.resolve("config/t3chat4j/config.properties")).doesNotExist();
    }

    private static void assertNoSecretIn(String output) {
        assertThat(output).doesNotContain(WOS).doesNotContain(THEME).doesNotContain(CONVEX);
    }
}
