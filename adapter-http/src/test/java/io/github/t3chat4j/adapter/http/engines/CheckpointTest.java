package io.github.t3chat4j.adapter.http.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.http.Fixtures;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import io.github.t3chat4j.testkit.EdgeCheckpoint;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fake t3.chat behind an edge checkpoint like Vercel's (429, {@code x-vercel-mitigated: challenge}, a
 * page whose JavaScript sets a cookie): the JVM's client and curl are turned away at once, without
 * retries, in every form the checkpoint takes; a real browser runs the challenge and gets through; a
 * fallback from the JVM's client to the browser happens once and sticks. The browser's cases are skipped,
 * saying so, without Chromium.
 */
class CheckpointTest {

    private FakeT3Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of(EdgeCheckpoint.vercel(), "HTTP 429, x-vercel-mitigated: challenge"),
                Arguments.of(EdgeCheckpoint.vercel().withStatus(403), "HTTP 403, x-vercel-mitigated: challenge"),
                Arguments.of(EdgeCheckpoint.vercel().withStatus(503), "HTTP 503, x-vercel-mitigated: challenge"),
                Arguments.of(EdgeCheckpoint.vercel().withoutMarker(), "HTTP 429, the Vercel Security Checkpoint page"),
                Arguments.of(EdgeCheckpoint.vercel().withStatus(403).withMarker("cf-mitigated"),
                        "HTTP 403, cf-mitigated: challenge"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("forms")
    void turnsAwayTheJvmsClient_atOnce_inEveryForm(EdgeCheckpoint edge, String named) {
        server = FakeT3Server.start().edgeCheckpoint(edge);

        try (OpenedHttpAdapters http = Fixtures.open(Fixtures.config(server.baseUrl()).withMaxRetries(2))) {
            assertThatThrownBy(() -> chat(http)).isInstanceOfSatisfying(BlockedByBotProtectionException.class, e -> {
                assertThat(e.getMessage()).contains("bot checkpoint", named, "tried: java", "waiting will not help")
                        .doesNotContain("rate limit").doesNotContain(Fixtures.WOS_SESSION);
                assertThat(e.tried()).containsExactly("java");
            });
        }

        assertThat(server.requests("/api/chat")).hasSize(1);
    }

    @Test
    void turnsAwayCurl_whateverItsHeaders() {
        server = FakeT3Server.start().edgeCheckpoint(EdgeCheckpoint.vercel());

        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(Fixtures.config(server.baseUrl())
                .withTransport(HttpConfig.Transport.CURL)))) {
            assertThatThrownBy(() -> chat(http)).isInstanceOfSatisfying(BlockedByBotProtectionException.class,
                    e -> assertThat(e.tried()).containsExactly("curl"));
        }
        assertThat(server.requests("/api/chat")).singleElement()
                .satisfies(r -> assertThat(r.header("sec-ch-ua")).isPresent());
    }

    @Test
    void suggestsTheBrowser_whenOneIsInstalled_andTheTransportIsPinned() {
        InstalledBrowser.require();
        server = FakeT3Server.start().edgeCheckpoint(EdgeCheckpoint.vercel());

        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(Fixtures.config(server.baseUrl())
                .withBrowser(InstalledBrowser.SETTINGS)))) {
            assertThatThrownBy(() -> chat(http)).isInstanceOfSatisfying(BlockedByBotProtectionException.class, e -> {
                assertThat(e.untried()).contains("browser");
                assertThat(e.remedy()).contains(Remedy.BROWSER_CHECK);
                assertThat(e.getMessage()).contains("HttpConfig transport BROWSER").doesNotContain("--transport");
            });
        }
    }

    @Test
    void letsTheBrowserThrough_asT3Chat_afterItsChallenge() {
        InstalledBrowser.require();
        server = FakeT3Server.startSecure().edgeCheckpoint(EdgeCheckpoint.vercel());
        HttpConfig config = InstalledBrowser.configure(Fixtures.config(URI.create("https://t3.chat")))
                .withTrustedCertificates(server.certificateFile())
                .withBrowser(InstalledBrowser.SETTINGS.withHostResolverRules(InstalledBrowser.mapT3Chat(server)));

        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(config))) {
            assertThat(chat(http)).startsWith("Echo(3): How are you?");
            assertThat(http.accountReader().loadCustomerData(Fixtures.session()).balance().signum()).isPositive();
        }

        List<RecordedRequest> home = server.requests("/");
        assertThat(home.get(0).cookie(EdgeCheckpoint.COOKIE)).isEmpty();
        assertThat(home).anySatisfy(r -> assertThat(r.cookie(EdgeCheckpoint.COOKIE)).isPresent());
        RecordedRequest sent = server.lastRequest("/api/chat").orElseThrow();
        assertThat(sent.cookie(EdgeCheckpoint.COOKIE)).isPresent();
        assertThat(sent.cookie("wos-session")).contains(Fixtures.WOS_SESSION);
        assertThat(sent.protocol()).isEqualTo("HTTP/2.0");
    }

    @Test
    void fallsBackFromTheJvmToTheBrowser_once_andStaysThere() {
        InstalledBrowser.require();
        server = FakeT3Server.start().edgeCheckpoint(EdgeCheckpoint.vercel());
        List<String> heard = new ArrayList<>();
        HttpConfig config = Fixtures.config(server.baseUrl()).withBrowser(InstalledBrowser.SETTINGS).withFallback(true);

        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(config,
                (turnedAway, through) -> heard.add(turnedAway + " -> " + through)))) {
            assertThat(chat(http)).startsWith("Echo(3)");
            assertThat(chat(http)).startsWith("Echo(3)");
        }

        assertThat(heard).containsExactly("[java] -> browser");
        List<RecordedRequest> chats = server.requests("/api/chat");
        assertThat(chats).hasSize(3);
        assertThat(chats.get(0).header("user-agent")).hasValue(HttpConfig.DEFAULT_USER_AGENT);
        assertThat(chats.subList(1, 3)).allSatisfy(r -> InstalledBrowser.assertBrowsersOwnUserAgent(
                r.header("user-agent").orElse("")));
    }

    @Test
    void namesEveryTransportTried_whenEvenTheBrowserIsTurnedAway() {
        InstalledBrowser.require();
        server = FakeT3Server.start().edgeCheckpoint(EdgeCheckpoint.vercel().unsolvable());
        HttpConfig config = Fixtures.config(server.baseUrl()).withBrowser(InstalledBrowser.SETTINGS).withFallback(true)
                .withFirstByteTimeout(java.time.Duration.ofSeconds(2));
        List<String> heard = new ArrayList<>();

        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(config,
                (turnedAway, through) -> heard.add(through)))) {
            assertThatThrownBy(() -> chat(http)).isInstanceOfSatisfying(BlockedByBotProtectionException.class, e -> {
                assertThat(e.tried()).containsExactly("java", "browser");
                assertThat(e.untried()).isEmpty();
                assertThat(e.getMessage()).contains("tried: java, browser", "if even a browser is turned away")
                        .doesNotContain("t3 login");
            });
        }
        assertThat(heard).isEmpty();
    }

    @Test
    void saysTheBrowserCouldNotRun_whenItFailsToStart_afterTheJvmWasTurnedAway() {
        server = FakeT3Server.start().edgeCheckpoint(EdgeCheckpoint.vercel());
        HttpConfig config = Fixtures.config(server.baseUrl()).withFallback(true)
                .withBrowser(HttpConfig.Browser.DEFAULTS.withProgram("/bin/false"));

        try (OpenedHttpAdapters http = Fixtures.open(HttpAdapters.create(config))) {
            assertThatThrownBy(() -> chat(http)).isInstanceOfSatisfying(BlockedByBotProtectionException.class, e -> {
                assertThat(e.tried()).hasSize(2).first().isEqualTo("java");
                assertThat(e.tried().get(1)).startsWith("browser (could not run: ");
                assertThat(e.untried()).isEmpty();
                assertThat(e.getMessage()).contains("tried: java, browser (could not run: ")
                        .doesNotContain(Fixtures.WOS_SESSION);
            });
        }
    }

    private static String chat(OpenedHttpAdapters http) {
        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            return Fixtures.text(stream.events().toList());
        }
    }
}
