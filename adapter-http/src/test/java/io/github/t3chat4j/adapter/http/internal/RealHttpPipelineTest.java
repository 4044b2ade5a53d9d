package io.github.t3chat4j.adapter.http.internal;

import io.github.t3chat4j.adapter.http.Wire;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.github.t3chat4j.adapter.http.Fixtures;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ParameterizedClass(name = "{0}")
@EnumSource(Wire.class)
class RealHttpPipelineTest {

    @Parameter
    Wire wire;

    private FakeT3Server server;
    private TestPipeline pipeline;

    @BeforeEach
    void start() {
        server = wire.start();
        server.route("/text", (exchange, request) -> send(exchange, 200, "hello"));
        server.route("/big", (exchange, request) -> send(exchange, 200, "x".repeat(100_000)));
        server.route("/teapot", (exchange, request) -> send(exchange, 418, "short and stout " + "x".repeat(100_000)));
        pipeline = TestPipeline.of(wire.config(server).withUserAgent("test-agent/1"));
    }

    @AfterEach
    void stop() {
        pipeline.close();
        server.close();
    }

    @Test
    void putsUserAgentAndAcceptLanguage_onEveryCall() {
        pipeline.open(HttpCall.get(at("/text"), "GET /text").build()).readBody(100);
        pipeline.open(HttpCall.get(at("/text"), "GET /text").header("Accept-Language", "de-DE,de;q=0.9")
                .header("User-Agent", "ignored").build()).readBody(100);

        RecordedRequest first = server.requests("/text").get(0);
        RecordedRequest second = server.requests("/text").get(1);
        assertThat(first.header("user-agent")).hasValue("test-agent/1");
        assertThat(first.header("accept-language")).hasValue("en-US,en;q=0.9");
        assertThat(second.header("user-agent")).hasValue("test-agent/1");
        assertThat(second.headers().get("accept-language")).containsExactly("de-DE,de;q=0.9");
        // The suite runs where real traffic goes (HTTP/2 over TLS, the async client) and on plain HTTP/1.1.
        assertThat(first.protocol()).isEqualTo(wire == Wire.TLS ? "HTTP/2.0" : "HTTP/1.1");
    }

    @Test
    void readsAWholeBody_andReusesTheConnection() {
        for (int i = 0; i < 5; i++) {
            byte[] body = pipeline.open(HttpCall.get(at("/text"), "GET /text").build()).readBody(100).orElseThrow();
            assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("hello");
        }

        // The async client hands a connection back to its pool on its I/O thread, a moment after the body
        // was read: a request sent in that moment opens another. Five in a row share at most a few.
        long connections = server.requests("/text").stream().mapToInt(RecordedRequest::clientPort).distinct().count();
        assertThat(connections).isLessThan(5);
    }

    @Test
    void readsNothing_whenTheBodyIsLongerThanAllowed() {
        assertThat(pipeline.open(HttpCall.get(at("/big"), "GET /big").build()).readBody(1000)).isEmpty();
    }

    @Test
    void quotesTheStartOfALongErrorBody() {
        assertThatThrownBy(() -> pipeline.open(HttpCall.get(at("/teapot"), "GET /teapot").build()))
                .isInstanceOfSatisfying(UnexpectedResponseException.class, e -> assertThat(e.statusCode()).isEqualTo(418))
                .hasMessageContaining("GET /teapot answered HTTP 418: short and stout");
    }

    @Test
    void neverFollowsARedirectWithTheCookie() {
        assertThatThrownBy(() -> HttpCall.get(at("/text"), "GET /text").cookies(Fixtures.session()).followRedirects()
                .build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void showsOnlyTheDescription_inToString() {
        HttpCall call = HttpCall.get(at("/text?secret=1"), "GET /text").cookies(Fixtures.session()).build();

        assertThat(call).hasToString("HttpCall[GET /text]");
    }

    private URI at(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "text/plain");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
