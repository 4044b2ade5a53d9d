package io.github.t3chat4j.adapter.http.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.http.internal.TestPipeline;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.trpc.FakeTrpc;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpModelCatalogAdapterTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Session session = Session.of("wos-session=secret; theme=dark", "convex-secret");
    private FakeT3Server server;
    private TestPipeline pipeline;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
        FakeTrpc.install(server);
        pipeline = TestPipeline.of(HttpConfig.defaults(server.baseUrl()));
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
    void throwsSessionExpired_whenTheHomePageRejectsTheSession() {
        server.route("/", (exchange, request) -> exchange.sendResponseHeaders(401, -1));

        assertThatThrownBy(() -> adapter().loadSiteModels(session)).isInstanceOf(SessionExpiredException.class);
    }

    private HttpModelCatalogAdapter adapter() {
        return new HttpModelCatalogAdapter(pipeline, pipeline.site(), mapper);
    }

    private HttpModelCatalogAdapter adapter(int maxChunks, int maxChunkBytes) {
        return new HttpModelCatalogAdapter(pipeline, pipeline.site(), mapper, maxChunks, maxChunkBytes);
    }
}
