package io.github.t3chat4j.adapter.http.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheClassicEngineTest {

    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));

    private FakeT3Server server;
    private ApacheClassicEngine engine;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
        server.route("/moved", (exchange, request) -> {
            exchange.getResponseHeaders().set("Location", "/");
            exchange.sendResponseHeaders(302, -1);
        });
        engine = ApacheClassicEngine.create();
    }

    @AfterEach
    void stop() {
        engine.close();
        server.close();
    }

    @Test
    void sendsTheHeadersAndBodyAsGiven() throws IOException {
        EngineRequest request = new EngineRequest("POST", at("/api/chat"),
                List.of(new Header("Cookie", "wos-session=engine"), new Header("Content-Type", "application/json")),
                "{}".getBytes(StandardCharsets.UTF_8), false, TIMEOUTS);

        try (EngineResponse response = engine.execute(request)) {
            assertThat(response.status()).isEqualTo(400);
        }

        RecordedRequest sent = server.lastRequest("/api/chat").orElseThrow();
        assertThat(sent.header("cookie")).hasValue("wos-session=engine");
        assertThat(sent.header("content-type")).hasValue("application/json");
        assertThat(sent.body()).isEqualTo("{}");
    }

    @Test
    void reusesTheConnection_onlyWhenTheBodyWasReadToItsEnd() throws IOException {
        try (EngineResponse read = engine.execute(get("/"))) {
            read.body().readAllBytes();
        }
        try (EngineResponse unread = engine.execute(get("/"))) {
            assertThat(unread.status()).isEqualTo(200);
        }
        try (EngineResponse next = engine.execute(get("/"))) {
            next.body().readAllBytes();
        }

        List<RecordedRequest> sent = server.requests("/");
        assertThat(sent.get(1).clientPort()).isEqualTo(sent.get(0).clientPort());
        assertThat(sent.get(2).clientPort()).isNotEqualTo(sent.get(1).clientPort());
    }

    @Test
    void followsRedirects_onlyWhenAsked() throws IOException {
        try (EngineResponse response = engine.execute(get("/moved"))) {
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header("location")).hasValue("/");
        }
        try (EngineResponse response = engine.execute(new EngineRequest("GET", at("/moved"), List.of(),
                new byte[0], true, TIMEOUTS))) {
            assertThat(response.status()).isEqualTo(200);
        }
    }

    @Test
    void reportsARefusedConnection_asNotSent() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        assertThatThrownBy(() -> engine.execute(new EngineRequest("GET", URI.create("http://127.0.0.1:" + port + "/"),
                List.of(), new byte[0], false, TIMEOUTS)))
                .isInstanceOfSatisfying(RequestNotSentException.class, e -> assertThat(e.noConnection()).isTrue());
    }

    @Test
    void refusesRequests_onceClosed() {
        engine.close();

        assertThatThrownBy(() -> engine.execute(get("/"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void abortsARead_fromAnotherThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.route("/silent", (exchange, request) -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write('x');
            exchange.getResponseBody().flush();
            release.await(30, TimeUnit.SECONDS);
        });
        try (EngineResponse response = engine.execute(get("/silent"))) {
            InputStream body = response.body();
            assertThat(body.read()).isEqualTo('x');
            Thread aborter = new Thread(response::abort);
            aborter.start();

            Throwable ended = catchThrowable(() -> {
                while (body.read() >= 0) {
                    // Blocked until the abort ends the stream (a read timeout would be a failure).
                }
            });

            aborter.join();
            assertThat(ended).isNotInstanceOf(SocketTimeoutException.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void hidesCredentials_inToString() {
        EngineRequest request = new EngineRequest("GET", at("/?input=x"), List.of(new Header("Cookie", "wos-session=s1")),
                new byte[0], false, TIMEOUTS);

        assertThat(request.toString()).doesNotContain("s1").doesNotContain("input");
        assertThat(new Header("Cookie", "wos-session=s1").toString()).doesNotContain("s1");
    }

    private EngineRequest get(String path) {
        return new EngineRequest("GET", at(path), List.of(), new byte[0], false, TIMEOUTS);
    }

    private URI at(String path) {
        return URI.create(server.baseUrl() + path);
    }
}
