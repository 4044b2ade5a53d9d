package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.CachedModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelCost;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileModelCatalogCacheAdapterTest {

    private static final URI SITE = URI.create("https://t3.chat");
    private static final Instant FETCHED = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path cache;

    private Path file() {
        return cache.resolve("model-catalog.json");
    }

    private FileModelCatalogCacheAdapter adapter(URI baseUrl) {
        return new FileModelCatalogCacheAdapter(file(), baseUrl, new ModelCatalogJson(ConversationJson.newMapper()),
                new AtomicFiles());
    }

    static ModelInfo aFullyDescribedModel() {
        return ModelInfo.builder(ModelId.of("claude-4-sonnet"), "Claude 4 Sonnet")
                .provider("anthropic")
                .developer("Anthropic")
                .shortDescription("Fast and capable")
                .fullDescription("A long description.\nWith lines.")
                .flags(true, true, false, true)
                .cost(new ModelCost(Optional.of(new BigDecimal("3.00")), Optional.of(new BigDecimal("15")),
                        Optional.of(new BigDecimal("0.30")), Optional.of(new BigDecimal("3.75"))))
                .creditAmount(new BigDecimal("2.5"))
                .maxTokens(200_000L, 64_000L)
                .features(Set.of("images", "reasoning", "pdfs"))
                .searchTags(List.of("claude", "sonnet"))
                .dates("2025-05-22", "2025-03", "2026-05-01")
                .succeededBy(ModelId.of("claude-4.5-sonnet"))
                .build();
    }

    static ModelInfo aBareModel() {
        return ModelInfo.builder(ModelId.of("gpt-4o-mini"), "GPT-4o mini").build();
    }

    @Test
    void roundTripsEveryFieldOfEveryModelAndTheTimeOfReading() {
        CachedModelCatalog catalog = new CachedModelCatalog(List.of(aFullyDescribedModel(), aBareModel()), FETCHED);

        adapter(SITE).saveCachedCatalog(catalog);

        assertThat(adapter(SITE).loadCachedCatalog()).contains(catalog);
    }

    @Test
    void writesAnOwnerOnlyJsonDocumentNamingTheSite() throws IOException {
        adapter(SITE).saveCachedCatalog(new CachedModelCatalog(List.of(aBareModel()), FETCHED));

        assertThat(Files.readString(file())).contains("\"baseUrl\" : \"https://t3.chat\"",
                "\"fetchedAt\" : \"2026-01-02T03:04:05Z\"", "\"id\" : \"gpt-4o-mini\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void readsEmpty_whenNothingIsCachedYet() {
        assertThat(adapter(SITE).loadCachedCatalog()).isEmpty();
    }

    @Test
    void readsEmpty_whenTheCacheBelongsToAnotherSite() {
        adapter(URI.create("http://127.0.0.1:41234")).saveCachedCatalog(
                new CachedModelCatalog(List.of(aBareModel()), FETCHED));

        assertThat(adapter(SITE).loadCachedCatalog()).isEmpty();
    }

    @Test
    void treatsABaseUrlWithATrailingSlashAsTheSameSite() {
        adapter(URI.create("https://t3.chat/")).saveCachedCatalog(
                new CachedModelCatalog(List.of(aBareModel()), FETCHED));

        assertThat(adapter(SITE).loadCachedCatalog()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "",
        "[]",
        "{\"baseUrl\":\"https://t3.chat\",\"fetchedAt\":\"yesterday\",\"models\":[{\"id\":\"a\",\"name\":\"A\"}]}",
        "{\"baseUrl\":\"https://t3.chat\",\"fetchedAt\":\"2026-01-02T03:04:05Z\",\"models\":[{\"id\":\"a\"}]}",
        "{\"baseUrl\":\"https://t3.chat\",\"fetchedAt\":\"2026-01-02T03:04:05Z\",\"models\":[null]}",
        "{\"baseUrl\":\"https://t3.chat\",\"fetchedAt\":\"2026-01-02T03:04:05Z\",\"models\":[]}",
        "{\"baseUrl\":\"https://t3.chat\",\"models\":[{\"id\":\"a\",\"name\":\"A\"}]}",
        "{\"baseUrl\":\"https://t3.chat\",\"fetchedAt\":\"2026-01-02T03:04:05Z\",\"models\":[{\"id\":\"a\","
                + "\"name\":\"A\",\"searchTags\":[null]}]}"
    })
    void readsEmpty_whenTheFileIsDamaged(String content) throws IOException {
        Files.writeString(file(), content);

        assertThat(adapter(SITE).loadCachedCatalog()).isEmpty();
    }

    @Test
    void readsEmpty_whenTheFileIsImplausiblyBig() throws IOException {
        try (RandomAccessFile sparse = new RandomAccessFile(file().toFile(), "rw")) {
            sparse.setLength(FileModelCatalogCacheAdapter.MAX_BYTES + 1);
        }

        assertThat(adapter(SITE).loadCachedCatalog()).isEmpty();
    }

    @Test
    void readsACacheFileWrittenByEarlierVersions() throws IOException {
        Files.writeString(file(), "{\"baseUrl\":\"https://t3.chat\",\"fetchedAt\":\"2026-01-02T03:04:05Z\","
                + "\"models\":[{\"id\":\"o3\",\"name\":\"o3\",\"provider\":\"openai\",\"premium\":true,"
                + "\"inputPerMillion\":2,\"features\":[\"reasoning\"],\"someNewField\":1}],\"extra\":true}");

        CachedModelCatalog cached = adapter(SITE).loadCachedCatalog().orElseThrow();

        assertThat(cached.fetchedAt()).isEqualTo(FETCHED);
        assertThat(cached.models()).singleElement().satisfies(model -> {
            assertThat(model.id()).isEqualTo(ModelId.of("o3"));
            assertThat(model.provider()).isEqualTo("openai");
            assertThat(model.premium()).isTrue();
            assertThat(model.cost().inputPerMillion()).contains(new BigDecimal("2"));
            assertThat(model.features()).containsExactly("reasoning");
        });
    }

    @Test
    void namesTheFileAndTheCause_whenTheCacheCannotBeWritten() throws IOException {
        Path blocked = Files.writeString(cache.resolve("not-a-folder"), "a file");
        FileModelCatalogCacheAdapter adapter = new FileModelCatalogCacheAdapter(
                blocked.resolve("model-catalog.json"), SITE, new ModelCatalogJson(ConversationJson.newMapper()),
                new AtomicFiles());

        assertThatThrownBy(() -> adapter.saveCachedCatalog(new CachedModelCatalog(List.of(aBareModel()), FETCHED)))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("Could not write " + blocked.resolve("model-catalog.json") + ": ");
    }

    @Test
    void keepsThePreviousCache_whenAWriteFails() {
        CachedModelCatalog first = new CachedModelCatalog(List.of(aBareModel()), FETCHED);
        adapter(SITE).saveCachedCatalog(first);
        FileModelCatalogCacheAdapter failing = new FileModelCatalogCacheAdapter(file(), SITE,
                new ModelCatalogJson(ConversationJson.newMapper()), new AtomicFiles((source, target, options) -> {
                    throw new IOException("No space left on device");
                }));

        assertThatThrownBy(() -> failing.saveCachedCatalog(
                new CachedModelCatalog(List.of(aFullyDescribedModel()), FETCHED.plusSeconds(60))))
                .isInstanceOf(StorageException.class)
                .hasMessage("Could not write " + file() + ": No space left on device.");

        assertThat(adapter(SITE).loadCachedCatalog()).contains(first);
        assertThat(AtomicFilesTest.names(cache)).containsExactly("model-catalog.json");
    }
}
