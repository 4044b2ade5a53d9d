package io.github.t3chat4j.adapter.http.engines;

import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.http.Fixtures;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.LoopbackProxy;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every engine through a proxy on loopback, to plain http (forwarded) and to https (a CONNECT tunnel);
 * the JVM's client and curl also with Basic authentication, and proxy credentials never show in an error.
 * The browser refuses a proxy that needs a password, which would have to go on its command line. The
 * browser's cases are skipped, saying so, without Chromium.
 */
class ProxyContractTest {

    private static final String PASSWORD = "proxy-SECRET-7731";

    static Stream<Arguments> engines() {
        return Stream.of(HttpConfig.Transport.values()).flatMap(t -> Stream.of(
                Arguments.of(t, false), Arguments.of(t, true)));
    }

    static Stream<Arguments> enginesWithProxyPasswords() {
        return engines().filter(a -> a.get()[0] != HttpConfig.Transport.BROWSER);
    }

    @ParameterizedTest(name = "{0}, tls={1}")
    @MethodSource("engines")
    void reachesTheSite_throughAProxyWithoutAuthentication(HttpConfig.Transport transport, boolean tls) {
        try (FakeT3Server server = tls ? FakeT3Server.startSecure() : FakeT3Server.start();
                LoopbackProxy proxy = LoopbackProxy.start();
                OpenedHttpAdapters http = Fixtures.open(config(server, transport)
                        .withProxy(HttpConfig.Proxy.of(proxy.url().toString())))) {

            chat(http);

            // A browser also loads the page (GET) before its requests (POST) go the same way.
            assertThat(proxy.passed()).isNotEmpty().allSatisfy(r -> assertThat(r.method())
                    .isIn(tls ? "CONNECT" : "POST", transport == HttpConfig.Transport.BROWSER && !tls ? "GET" : "CONNECT"));
            assertThat(proxy.passed()).anySatisfy(r -> assertThat(r.method()).isEqualTo(tls ? "CONNECT" : "POST"));
            // Nothing else went out: not even the browser's own services (updates, time, sign-in).
            assertThat(proxy.requests()).allSatisfy(r -> assertThat(r.target()).contains("127.0.0.1:" + server.port()));
        }
    }

    @ParameterizedTest(name = "tls={0}")
    @ValueSource(booleans = {false, true})
    void refusesAProxyPassword_inTheBrowser_namingWhy(boolean tls) {
        try (FakeT3Server server = tls ? FakeT3Server.startSecure() : FakeT3Server.start()) {
            HttpConfig config = config(server, HttpConfig.Transport.BROWSER)
                    .withProxy(HttpConfig.Proxy.of("http://t3:" + PASSWORD + "@127.0.0.1:3128"));

            assertThatThrownBy(() -> HttpAdapters.create(config).open()).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("proxy that needs a password").hasMessageContaining("command line")
                    .hasMessageNotContaining(PASSWORD);
        }
    }

    @ParameterizedTest(name = "{0}, tls={1}")
    @MethodSource("enginesWithProxyPasswords")
    void authenticatesToTheProxy_withTheCredentialsOfItsUrl(HttpConfig.Transport transport, boolean tls) {
        try (FakeT3Server server = tls ? FakeT3Server.startSecure() : FakeT3Server.start();
                LoopbackProxy proxy = LoopbackProxy.start("t3", PASSWORD);
                OpenedHttpAdapters http = Fixtures.open(config(server, transport).withProxy(HttpConfig.Proxy
                        .fromEnvironment(Map.of("https_proxy", "t3:" + PASSWORD + "@127.0.0.1:" + proxy.port(),
                                "HTTP_PROXY", "http://t3:" + PASSWORD + "@127.0.0.1:" + proxy.port()))))) {

            chat(http);

            assertThat(proxy.passed()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}, tls={1}")
    @MethodSource("enginesWithProxyPasswords")
    void failsWithoutTheSecret_whenTheProxyRefusesTheCredentials(HttpConfig.Transport transport, boolean tls) {
        try (FakeT3Server server = tls ? FakeT3Server.startSecure() : FakeT3Server.start();
                LoopbackProxy proxy = LoopbackProxy.start("t3", "another-password");
                OpenedHttpAdapters http = Fixtures.open(config(server, transport).withMaxRetries(0).withProxy(
                        HttpConfig.Proxy.of("http://t3:" + PASSWORD + "@127.0.0.1:" + proxy.port())))) {

            assertThatThrownBy(() -> chat(http)).isInstanceOf(T3ChatException.class)
                    .hasMessageNotContaining(PASSWORD);
            assertThat(proxy.passed()).isEmpty();
            assertThat(server.requests("/api/chat")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}, tls={1}")
    @MethodSource("engines")
    void goesDirect_toHostsInNoProxy(HttpConfig.Transport transport, boolean tls) {
        try (FakeT3Server server = tls ? FakeT3Server.startSecure() : FakeT3Server.start();
                LoopbackProxy proxy = LoopbackProxy.start();
                OpenedHttpAdapters http = Fixtures.open(config(server, transport).withProxy(HttpConfig.Proxy
                        .fromEnvironment(Map.of("ALL_PROXY", proxy.url().toString(), "NO_PROXY", "localhost,127.0.0.1"))))) {

            chat(http);

            assertThat(proxy.requests()).isEmpty();
        }
    }

    private static HttpConfig config(FakeT3Server server, HttpConfig.Transport transport) {
        if (transport == HttpConfig.Transport.BROWSER) {
            InstalledBrowser.require();
        }
        HttpConfig config = Fixtures.config(server.baseUrl()).withTransport(transport).withBrowser(InstalledBrowser.SETTINGS);
        return server.baseUrl().getScheme().equals("https") ? config.withTrustedCertificates(server.certificateFile())
                : config;
    }

    private static void chat(OpenedHttpAdapters http) {
        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            assertThat(Fixtures.text(stream.events().toList())).startsWith("Echo(3)");
        }
    }
}
