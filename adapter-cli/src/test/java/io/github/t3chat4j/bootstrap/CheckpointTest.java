package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.EdgeCheckpoint;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.Scenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code t3} through the real composition root against the fake t3.chat behind an edge checkpoint like
 * Vercel's, and against the app's own refusals of 2026: the checkpoint in each of its forms is one line
 * naming it, what was tried and the way through, exit 4, and no retry; without {@code --transport}, t3
 * falls back to the browser once, says so, remembers it, and starts with it the next time; every command
 * works with {@code --transport browser}; {@code captcha_failed} and {@code api_key_required} say what to do.
 * The browser's cases are skipped, saying so, without Chromium.
 */
class CheckpointTest {

    private static final String WOS = "SECRET-WOS-checkpoint";
    /** The user's PATH, where t3 looks for a browser and curl-impersonate (a run has only the variables it is given). */
    private static final Map<String, String> PATH = Map.of("PATH", System.getenv().getOrDefault("PATH", ""));

    private FakeT3Server server;
    private InProcessT3 t3;

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
        t3 = InProcessT3.signedIn(home, server, WOS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of(EdgeCheckpoint.vercel(), "HTTP 429, x-vercel-mitigated: challenge"),
                Arguments.of(EdgeCheckpoint.vercel().withStatus(403), "HTTP 403, x-vercel-mitigated: challenge"),
                Arguments.of(EdgeCheckpoint.vercel().withoutMarker(), "HTTP 429, the Vercel Security Checkpoint page"),
                Arguments.of(EdgeCheckpoint.vercel().withoutMarker().withStatus(403),
                        "HTTP 403, the Vercel Security Checkpoint page"),
                Arguments.of(EdgeCheckpoint.vercel().withStatus(403).withMarker("cf-mitigated"),
                        "HTTP 403, cf-mitigated: challenge"),
                Arguments.of(EdgeCheckpoint.vercel().withStatus(429).withMarker("cf-mitigated"),
                        "HTTP 429, cf-mitigated: challenge"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("forms")
    void namesTheCheckpoint_whatWasTried_andTheWayThrough_inOneLine_atOnce(EdgeCheckpoint edge, String named) {
        server.edgeCheckpoint(edge);

        int code = t3.run(PATH, "--transport", "java", "ask", "hi");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.BLOCKED);
        assertThat(t3.err().lines()).singleElement().asString()
                .startsWith("t3: t3.chat's bot checkpoint turned the request away (" + named + "); tried: java.")
                .contains("waiting will not help")
                .contains(RealBrowsers.find("chromium").isPresent() ? "Get through with --transport browser"
                        : "Install Google Chrome or Chromium")
                .doesNotContain("rate limit").doesNotContain(WOS);
        assertThat(server.requests()).as("no retry").hasSize(1);
        assertThat(t3.out()).isEmpty();
    }

    @Test
    void fallsBackToTheBrowserOnce_sayingSo_andStartsWithItNextTime() throws Exception {
        RealBrowsers.require("chromium");
        server.edgeCheckpoint(EdgeCheckpoint.vercel());

        int first = t3.run(PATH, "ask", "hi");

        assertThat(first).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("Echo(1): hi");
        assertThat(t3.err().lines()).singleElement().asString().isEqualTo("t3: t3.chat's bot checkpoint turned away"
                + " the java transport; the browser transport got through, and t3 starts with it for "
                + server.baseUrl() + " from now on (--transport chooses another).");
        assertThat(stored("T3_REMEMBERED_TRANSPORTS")).isEqualTo(server.baseUrl() + "=browser");
        server.reset();

        int second = t3.run(PATH, "ask", "--continue", "again");

        assertThat(second).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("Echo(3): again");
        assertThat(t3.err()).isEmpty();
        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("user-agent").orElse(""))
                .doesNotContain("Chrome/142").contains("Chrome/"));
    }

    @Test
    void worksWithTheBrowserTransport_forEveryCommand() throws Exception {
        RealBrowsers.require("chromium");
        server.edgeCheckpoint(EdgeCheckpoint.vercel());

        assertThat(t3.run(PATH, "--transport", "browser", "ask", "hello")).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("Echo(1): hello");
        assertThat(t3.run(PATH, "--transport", "browser", "credits")).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).containsIgnoringCase("balance");
        assertThat(t3.run(PATH, "--transport", "browser", "models", "--json")).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("gemini-2.5-flash");
        server.defaultChat(Scenarios.inlineImage());
        Path image = home.resolve("picture.png");
        assertThat(t3.run(PATH, "--transport", "browser", "image", "-o", image.toString(), "a lighthouse"))
                .as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(image)).isEqualTo(Scenarios.TINY_PNG);

        List<RecordedRequest> passed = server.requests().stream()
                .filter(r -> r.cookie(EdgeCheckpoint.COOKIE).isPresent()).toList();
        assertThat(passed).extracting(RecordedRequest::path).contains("/api/chat",
                "/api/trpc/getCustomerData", FakeT3Server.ACTIVE_SESSIONS_PATH);
        assertThat(t3.err()).doesNotContain(WOS);
        assertThat(config()).as("a chosen transport is not remembered").doesNotContain("T3_REMEMBERED_TRANSPORTS");
    }

    @Test
    void saysWhatToInstall_whenTheBrowserTransportHasNoBrowser() {
        int code = t3.run(PATH, "--transport", "browser", "--browser", home.resolve("no-such-browser").toString(),
                "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err().lines()).singleElement().asString().contains("needs a Chromium-family browser",
                "Install Google Chrome or Chromium", "--browser").doesNotContain("unexpected error");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void saysToConfirmTheSessionInTheBrowser_whenTheCaptchaFailed() {
        server.enqueueChat(Scenarios.captchaFailed());

        int code = t3.run(PATH, "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.BLOCKED);
        assertThat(t3.err().lines()).singleElement().asString().contains("HTTP 400, captcha_failed",
                "send one message there", "t3 login --from-browser");
        assertThat(server.requests("/api/chat")).hasSize(1);
    }

    @Test
    void namesTheModelAndEffortThatNeedTheUsersOwnKey() {
        server.defaultChat(Scenarios.apiKeyRequiredAboveLowEffort());

        int code = t3.run(PATH, "ask", "--model", "claude-4-sonnet", "--reasoning", "high", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err().lines()).singleElement().asString().contains(
                "claude-4-sonnet at high reasoning effort needs your own provider key", "--reasoning low",
                "T3_ALLOW_LOWER_EFFORT=true");
        assertThat(server.requests("/api/chat")).hasSize(1);
    }

    @Test
    void namesTheModel_whenTheStreamSaysItNeedsTheUsersOwnKey() {
        server.defaultChat(Scenarios.apiKeyRequiredInTheStream());

        int code = t3.run(PATH, "ask", "--model", "gpt-4o", "--reasoning", "medium", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("gpt-4o at medium reasoning effort needs your own provider key");
    }

    @Test
    void asksAgainAtLowEffort_whenTheUserAllowsIt() {
        server.defaultChat(Scenarios.apiKeyRequiredAboveLowEffort());

        int code = t3.run(Map.of("T3_ALLOW_LOWER_EFFORT", "true", "PATH", PATH.get("PATH")), "ask", "--model", "claude-4-sonnet", "--reasoning",
                "high", "hi");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("Echo(1): hi");
        assertThat(t3.err().lines()).singleElement().asString().contains("claude-4-sonnet at high reasoning effort",
                "asked again at low effort");
        assertThat(server.requests("/api/chat")).extracting(r -> r.body().contains("\"reasoningEffort\":\"low\""))
                .containsExactly(false, true);
    }

    private String stored(String key) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.load(new java.io.StringReader(config()));
        return properties.getProperty(key);
    }

    private String config() throws Exception {
        Path file = home.resolve(".config/t3chat4j/config.properties");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
