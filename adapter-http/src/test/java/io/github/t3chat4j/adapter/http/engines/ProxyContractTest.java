package io.github.t3chat4j.adapter.http.engines;

import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.http.Fixtures;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.LoopbackProxy;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both engines through a proxy on loopback, with and without Basic authentication, to plain http
 * (forwarded) and to https (a CONNECT tunnel); proxy credentials never show in an error.
 */
class ProxyContractTest {

    private static final String PASSWORD = "proxy-SECRET-7731";

    static Stream<Arguments> engines() {
        return Stream.of(HttpConfig.Transport.values()).flatMap(t -> Stream.of(
                Arguments.of(t, false), Arguments.of(t, true)));
    }

    @ParameterizedTest(name = "{0}, tls={1}")
    @MethodSource("engines")
    void reachesTheSite_throughAProxyWithoutAuthentication(HttpConfig.Transport transport, boolean tls) {
        try (FakeT3Server server = tls ? FakeT3Server.startSecure() : FakeT3Server.start();
                LoopbackProxy proxy = LoopbackProxy.start();
                OpenedHttpAdapters http = Fixtures.open(config(server, transport)
                        .withProxy(HttpConfig.Proxy.of(proxy.url().toString())))) {

            chat(http);

            assertThat(proxy.passed()).isNotEmpty().allSatisfy(r -> assertThat(r.method())
                    .isEqualTo(tls ? "CONNECT" : "POST"));
        }
    }

    @ParameterizedTest(name = "{0}, tls={1}")
    @MethodSource("engines")
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
    @MethodSource("engines")
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
        HttpConfig config = Fixtures.config(server.baseUrl()).withTransport(transport);
        return server.baseUrl().getScheme().equals("https") ? config.withTrustedCertificates(server.certificateFile())
                : config;
    }

    private static void chat(OpenedHttpAdapters http) {
        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            assertThat(Fixtures.text(stream.events().toList())).startsWith("Echo(3)");
        }
    }
}
