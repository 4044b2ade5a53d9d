package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.testkit.FakeImageHost;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The gateway as a user runs it, on loopback: the fake t3.chat, a client over the real HTTP adapters
 * (no conversation store), and the gateway on a free port with a known key. Closing stops all three.
 */
final class GatewayFixture implements AutoCloseable {

    static final String KEY = "test-gateway-key-0123456789abcdef";
    static final String COOKIE_SECRET = "wos-secret-value-42";
    static final String COOKIES = "wos-session=" + COOKIE_SECRET + "; theme=dark";

    final FakeT3Server server;
    final FakeImageHost images;
    final T3Client client;
    final OpenAiGateway gateway;
    final List<String> log = new CopyOnWriteArrayList<>();

    private GatewayFixture(UnaryOperator<GatewayConfig> tune) {
        server = FakeT3Server.start();
        images = FakeImageHost.start();
        client = T3Client.builder().cookies(COOKIES).convexSessionId("convex-test")
                .adapters(HttpAdapters.create(HttpConfig.defaults(server.baseUrl()).withMaxRetries(0)))
                .build();
        gateway = OpenAiGateway.start(client, tune.apply(GatewayConfig.defaults(KEY).withPort(0)
                .withShutdownGrace(Duration.ofSeconds(5))), log::add);
    }

    static GatewayFixture start() {
        return new GatewayFixture(config -> config);
    }

    static GatewayFixture start(UnaryOperator<GatewayConfig> tune) {
        return new GatewayFixture(tune);
    }

    URI baseUrl() {
        return gateway.baseUrl();
    }

    URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    /** The official SDK pointed at the gateway, without retries (so each status shows once). */
    OpenAIClient sdk() {
        return sdk(KEY);
    }

    OpenAIClient sdk(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(baseUrl().toString()).apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    /** The JSON body of a recorded request. */
    static JsonNode json(RecordedRequest request) {
        try {
            return new ObjectMapper().readTree(request.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The body of the last chat request t3.chat received. */
    JsonNode lastChatBody() {
        return json(server.lastRequest("/api/chat").orElseThrow());
    }

    /**
     * Waits up to {@code seconds} for an access-log line starting with {@code start} (the line is written
     * once an answer is complete, a moment after its last byte); true when it came.
     */
    boolean awaitLogLine(String start, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        while (log.stream().noneMatch(line -> line.startsWith(start))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            client.close();
            images.close();
            server.close();
        }
    }
}
