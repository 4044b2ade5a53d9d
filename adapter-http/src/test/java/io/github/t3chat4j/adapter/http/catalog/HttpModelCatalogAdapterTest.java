package io.github.t3chat4j.adapter.http.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.trpc.FakeTrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpModelCatalogAdapterTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Session session = Session.of("wos-session=secret; theme=dark", "convex-secret");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private FakeT3Server server;
    private CloseableHttpClient http;

    @TempDir
    Path cacheDir;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
        FakeTrpc.install(server);
        http = HttpClients.custom().disableCookieManagement().disableAutomaticRetries().build();
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        server.close();
    }

    @Test
    void scrapesTheModelsFromTheLinkedChunks() {
        ModelCatalog catalog = adapter(CatalogConfig.defaults()).loadModelCatalog(session);

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.SCRAPED);
        assertThat(catalog.ids()).extracting(ModelId::value).containsExactly("gemini-2.5-flash-lite",
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
        adapter(new CatalogConfig(java.util.Optional.empty(), Duration.ofDays(1), 1, 1 << 20)).loadModelCatalog(session);

        assertThat(server.requests(FakeTrpc.ENTRY_CHUNK_PATH)).hasSize(1);
        assertThat(server.requests(FakeTrpc.MODEL_CHUNK_PATH)).isEmpty();
    }

    @Test
    void skipsChunksLargerThanAllowed() {
        ModelCatalog catalog = adapter(new CatalogConfig(java.util.Optional.empty(), Duration.ofDays(1), 40, 1000))
                .loadModelCatalog(session);

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.BUNDLED);
    }

    @Test
    void fallsBackToTheBundledList_whenNothingParses() {
        server.route(FakeTrpc.MODEL_CHUNK_PATH, (exchange, request) -> {
            byte[] js = "export const x=1;".getBytes();
            exchange.sendResponseHeaders(200, js.length);
            exchange.getResponseBody().write(js);
        });

        ModelCatalog catalog = adapter(CatalogConfig.defaults()).loadModelCatalog(session);

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.BUNDLED);
        assertThat(catalog.ids()).extracting(ModelId::value).contains("gemini-2.5-flash-lite", "gemini-2.5-flash",
                "gemini-2.5-pro", "claude-4-sonnet", "claude-4-opus", "gpt-4o", "gpt-4o-mini", "o3-full", "grok-v4",
                "deepseek-r1", "kimi-k2.5", "gpt-image-1", "gpt-image-1.5", "gemini-imagen-4",
                "gemini-2.5-flash-image");
        assertThat(catalog.find("gemini-imagen-4").orElseThrow().generatesImages()).isTrue();
    }

    @Test
    void fallsBackToTheBundledList_whenTheHomePageFails() {
        server.route("/", (exchange, request) -> exchange.sendResponseHeaders(502, -1));

        assertThat(adapter(CatalogConfig.defaults()).loadModelCatalog(session).source())
                .isEqualTo(ModelCatalog.Source.BUNDLED);
    }

    @Test
    void throwsSessionExpired_whenTheHomePageRejectsTheSession() {
        server.route("/", (exchange, request) -> exchange.sendResponseHeaders(401, -1));

        assertThatThrownBy(() -> adapter(CatalogConfig.defaults()).loadModelCatalog(session))
                .isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void usesTheCache_withinADay() {
        HttpModelCatalogAdapter adapter = adapter(CatalogConfig.defaults().withCacheDirectory(cacheDir));
        ModelCatalog first = adapter.loadModelCatalog(session);
        clock.advance(Duration.ofHours(23));

        ModelCatalog second = adapter.loadModelCatalog(session);

        assertThat(first.source()).isEqualTo(ModelCatalog.Source.SCRAPED);
        assertThat(second.source()).isEqualTo(ModelCatalog.Source.CACHED);
        assertThat(second.models()).isEqualTo(first.models());
        assertThat(server.requests("/")).hasSize(1);
        assertThat(Files.exists(cacheDir.resolve(ModelCatalogCache.FILE_NAME))).isTrue();
    }

    @Test
    void scrapesAgain_afterADay() {
        HttpModelCatalogAdapter adapter = adapter(CatalogConfig.defaults().withCacheDirectory(cacheDir));
        adapter.loadModelCatalog(session);
        clock.advance(Duration.ofHours(25));

        ModelCatalog again = adapter.loadModelCatalog(session);

        assertThat(again.source()).isEqualTo(ModelCatalog.Source.SCRAPED);
        assertThat(server.requests("/")).hasSize(2);
    }

    @Test
    void usesAStaleCache_ratherThanTheBundledList_whenScrapingFails() {
        HttpModelCatalogAdapter adapter = adapter(CatalogConfig.defaults().withCacheDirectory(cacheDir));
        adapter.loadModelCatalog(session);
        clock.advance(Duration.ofDays(3));
        server.route("/", (exchange, request) -> exchange.sendResponseHeaders(503, -1));

        ModelCatalog catalog = adapter.loadModelCatalog(session);

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.CACHED);
        assertThat(catalog.find("kimi-k2.5")).isPresent();
    }

    @Test
    void ignoresACacheOfAnotherServer_orACorruptOne() throws Exception {
        Files.writeString(cacheDir.resolve(ModelCatalogCache.FILE_NAME), "{not json");
        HttpModelCatalogAdapter adapter = adapter(CatalogConfig.defaults().withCacheDirectory(cacheDir));

        assertThat(adapter.loadModelCatalog(session).source()).isEqualTo(ModelCatalog.Source.SCRAPED);

        ModelCatalogCache otherServer = new ModelCatalogCache(cacheDir, Duration.ofDays(1), clock, mapper,
                "https://elsewhere.example");
        assertThat(otherServer.readFresh()).isEmpty();
    }

    @Test
    void keepsEveryFieldThroughTheCache() {
        ModelCatalogCache cache = new ModelCatalogCache(cacheDir, Duration.ofDays(1), clock, mapper, "http://x");
        List<ModelInfo> scraped = adapter(CatalogConfig.defaults()).loadModelCatalog(session).models();

        cache.write(scraped);

        assertThat(cache.readFresh()).contains(scraped);
    }

    private HttpModelCatalogAdapter adapter(CatalogConfig config) {
        return new HttpModelCatalogAdapter(HttpConfig.defaults(server.baseUrl()), http, mapper, config, clock);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
