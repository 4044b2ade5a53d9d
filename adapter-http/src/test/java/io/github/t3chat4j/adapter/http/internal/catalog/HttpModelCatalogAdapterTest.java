package io.github.t3chat4j.adapter.http.internal.catalog;

import io.github.t3chat4j.adapter.http.Wire;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.http.internal.TestPipeline;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.trpc.FakeTrpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ParameterizedClass(name = "{0}")
@EnumSource(Wire.class)
class HttpModelCatalogAdapterTest {

    @Parameter
    Wire wire;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Session session = Session.of("wos-session=secret; theme=dark", "convex-secret");
    private FakeT3Server server;
    private TestPipeline pipeline;

    @BeforeEach
    void start() {
        server = wire.start();
        FakeTrpc.install(server);
        pipeline = TestPipeline.of(wire.configure(HttpConfig.defaults(server.baseUrl()), server));
    }

    @AfterEach
    void stop() {
        pipeline.close();
        server.close();
    }

    @Test
    void scrapesTheModelsFromTheLinkedChunks() {
        List<ModelInfo> models = adapter().loadSiteModels(session);

        assertThat(models).extracting(m -> m.id().value()).containsExactly("gemini-2.5-flash-lite",
                "gemini-2.5-flash", "claude-4-sonnet", "gpt-image-1", "gpt-4o", "kimi-k2.5");
        assertThat(server.requests(FakeTrpc.MODEL_CHUNK_PATH)).hasSize(1);
        assertThat(server.requests(FakeTrpc.ENTRY_CHUNK_PATH)).hasSize(1);
        assertThat(server.lastRequest("/").orElseThrow().cookie("wos-session")).contains("secret");
    }

    @Test
    void findsChunkLinksInScriptAndLinkTags() {
        String html = "<script type=module src=\"/assets/a.js\"></script><link rel=modulepreload href='/assets/b.js?v=2'>"
                + "<link rel=stylesheet href=\"/assets/c.css\"><script src=\"https://evil.example/x.js\"></script>"
                + "<script src=\"/assets/../secret.js\"></script><link href=/assets/d.js>";

        assertThat(HttpModelCatalogAdapter.chunkPaths(html, 10))
                .containsExactly("/assets/a.js", "/assets/b.js?v=2", "/assets/d.js");
        assertThat(HttpModelCatalogAdapter.chunkPaths(html, 1)).containsExactly("/assets/a.js");
    }

    @Test
    void readsNoMoreChunksThanAllowed() {
        adapter(1, 1 << 20).loadSiteModels(session);

        assertThat(server.requests(FakeTrpc.ENTRY_CHUNK_PATH)).hasSize(1);
        assertThat(server.requests(FakeTrpc.MODEL_CHUNK_PATH)).isEmpty();
    }

    @Test
    void skipsChunksLargerThanAllowed() {
        assertThat(adapter(40, 1000).loadSiteModels(session)).isEmpty();
    }

    @Test
    void findsNothing_whenNothingParses() {
        server.route(FakeTrpc.MODEL_CHUNK_PATH, (exchange, request) -> {
            byte[] js = "export const x=1;".getBytes();
            exchange.sendResponseHeaders(200, js.length);
            exchange.getResponseBody().write(js);
        });

        assertThat(adapter().loadSiteModels(session)).isEmpty();
    }

    @Test
    void bundlesTheKnownModels() {
        List<ModelInfo> bundled = adapter().loadBundledModels();

        assertThat(bundled).extracting(m -> m.id().value()).contains("gemini-2.5-flash-lite", "gemini-2.5-flash",
                "gemini-2.5-pro", "claude-4-sonnet", "claude-4-opus", "gpt-4o", "gpt-4o-mini", "o3-full", "grok-v4",
                "deepseek-r1", "kimi-k2.5", "gpt-image-1", "gpt-image-1.5", "gemini-imagen-4",
                "gemini-2.5-flash-image");
        assertThat(bundled).filteredOn(m -> m.id().value().equals("gemini-imagen-4")).singleElement()
                .satisfies(m -> assertThat(m.generatesImages()).isTrue());
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void findsNothing_whenTheHomePageFails() {
        server.route("/", (exchange, request) -> exchange.sendResponseHeaders(502, -1));

        assertThat(adapter().loadSiteModels(session)).isEmpty();
    }

    @Test
    void sendsTheBrowserHeadersEverywhere_andTheCookieOnlyToTheHomePage() {
        adapter().loadSiteModels(session);

        RecordedRequest home = server.lastRequest("/").orElseThrow();
        List<RecordedRequest> chunks = List.of(server.lastRequest(FakeTrpc.ENTRY_CHUNK_PATH).orElseThrow(),
                server.lastRequest(FakeTrpc.MODEL_CHUNK_PATH).orElseThrow());
        assertThat(home.header("cookie")).hasValue("wos-session=secret; theme=dark");
        assertThat(home.header("accept")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(home.header("sec-fetch-mode")).hasValue("navigate");
        for (RecordedRequest request : List.of(home, chunks.get(0), chunks.get(1))) {
            assertThat(request.header("user-agent")).hasValue(HttpConfig.DEFAULT_USER_AGENT);
            assertThat(request.header("accept-language")).hasValue("en-US,en;q=0.9");
        }
        for (RecordedRequest chunk : chunks) {
            assertThat(chunk.header("cookie")).isEmpty();
            assertThat(chunk.header("referer")).hasValue(server.baseUrl() + "/");
            assertThat(chunk.header("sec-fetch-site")).hasValue("same-origin");
        }
    }

    @Test
    void throwsSessionExpired_whenTheHomePageAnswers401() {
        server.route("/", (exchange, request) -> exchange.sendResponseHeaders(401, -1));

        assertThatThrownBy(() -> adapter().loadSiteModels(session)).isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("401");
        assertThat(server.requests(FakeTrpc.MODEL_CHUNK_PATH)).isEmpty();
    }

    @Test
    void readsThePublicCatalogue_withoutACookie_forAnAnonymousSession() {
        List<ModelInfo> models = adapter().loadSiteModels(Session.anonymous());

        assertThat(models).extracting(m -> m.id().value()).contains("claude-4-sonnet");
        assertThat(server.requests()).isNotEmpty().allSatisfy(request ->
                assertThat(request.header("cookie")).as(request.path()).isEmpty());
    }

    @Test
    void findsNothing_whenTheHomePageWantsASignIn_fromAnAnonymousSession() {
        server.route("/", (exchange, request) -> exchange.sendResponseHeaders(401, -1));

        assertThat(adapter().loadSiteModels(Session.anonymous())).isEmpty();
        assertThat(server.requests(FakeTrpc.MODEL_CHUNK_PATH)).isEmpty();
    }

    @Test
    void throwsSessionExpired_whenTheHomePageAnswers403WithJson() {
        server.route("/", (exchange, request) -> send(exchange, 403, "application/json", "{\"error\":\"Forbidden\"}"));

        assertThatThrownBy(() -> adapter().loadSiteModels(session)).isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void findsNothing_whenTheHomePageIsABotChallenge() {
        server.route("/", (exchange, request) -> send(exchange, 403, "text/html", "<html>Just a moment...</html>"));

        assertThat(adapter().loadSiteModels(session)).isEmpty();
    }

    @Test
    void findsNothing_whenTheHomePageLinksNoChunk() {
        server.route("/", (exchange, request) -> send(exchange, 200, "text/html", "<html><body>maintenance"));

        assertThat(adapter().loadSiteModels(session)).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void findsNothing_whenTheHomePageIsLargerThanAllowed() {
        assertThat(adapter(40, 100).loadSiteModels(session)).isEmpty();
        assertThat(server.requests(FakeTrpc.ENTRY_CHUNK_PATH)).isEmpty();
    }

    @Test
    void findsNothing_whenTheServerIsDown() {
        server.close();

        assertThat(adapter().loadSiteModels(session)).isEmpty();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private HttpModelCatalogAdapter adapter() {
        return new HttpModelCatalogAdapter(pipeline, pipeline.site(), mapper);
    }

    private HttpModelCatalogAdapter adapter(int maxChunks, int maxChunkBytes) {
        return new HttpModelCatalogAdapter(pipeline, pipeline.site(), mapper, maxChunks, maxChunkBytes);
    }
}
