package io.github.t3chat4j.application.internal.service;

import io.github.t3chat4j.application.fixtures.Renewals;
import static io.github.t3chat4j.application.fixtures.AccountFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.fake.Catalogs;
import io.github.t3chat4j.application.port.out.CachedModelCatalog;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.internal.session.SessionKeeper;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelCatalogServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final List<ModelInfo> SITE = List.of(model("from-site"));
    private static final List<ModelInfo> CACHED = List.of(model("from-cache"));
    private static final List<ModelInfo> BUNDLED = List.of(model("bundled"));

    private final List<String> warnings = new ArrayList<>();
    private final List<CachedModelCatalog> written = new ArrayList<>();

    private ModelCatalog load(List<ModelInfo> site, Optional<CachedModelCatalog> cached) {
        ModelCatalogCachePort cache = new ModelCatalogCachePort() {
            @Override
            public Optional<CachedModelCatalog> loadCachedCatalog() {
                return cached;
            }

            @Override
            public void saveCachedCatalog(CachedModelCatalog catalog) {
                written.add(catalog);
            }
        };
        return service(site, cache).load();
    }

    private ModelCatalogService service(List<ModelInfo> site, ModelCatalogCachePort cache) {
        return new ModelCatalogService(Catalogs.port(site, BUNDLED), cache,
                new SessionKeeper(aSession(), Renewals.renewing(s -> Optional.empty()), SaveSessionPort.NONE, w -> { }),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1), warnings::add);
    }

    @Test
    void usesAFreshCache_withoutAskingTheSite() {
        ModelCatalog catalog = load(SITE, Optional.of(new CachedModelCatalog(CACHED, NOW.minusSeconds(3600))));

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.CACHED);
        assertThat(catalog.ids()).containsExactly(ModelId.of("from-cache"));
        assertThat(written).isEmpty();
    }

    @Test
    void readsTheSite_andCachesIt_whenTheCacheIsStale() {
        ModelCatalog catalog = load(SITE, Optional.of(new CachedModelCatalog(CACHED, NOW.minus(Duration.ofDays(2)))));

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.SCRAPED);
        assertThat(catalog.ids()).containsExactly(ModelId.of("from-site"));
        assertThat(written).singleElement().satisfies(c -> assertThat(c.fetchedAt()).isEqualTo(NOW));
    }

    @Test
    void fallsBackToAStaleCache_whenTheSiteCannotBeRead() {
        ModelCatalog catalog = load(List.of(), Optional.of(new CachedModelCatalog(CACHED, NOW.minus(Duration.ofDays(9)))));

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.CACHED);
        assertThat(catalog.ids()).containsExactly(ModelId.of("from-cache"));
    }

    @Test
    void fallsBackToTheBundledList_whenNothingElseIsThere() {
        ModelCatalog catalog = load(List.of(), Optional.empty());

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.BUNDLED);
        assertThat(catalog.ids()).containsExactly(ModelId.of("bundled"));
    }

    @Test
    void treatsACacheFromTheFutureAsStale() {
        ModelCatalog catalog = load(SITE, Optional.of(new CachedModelCatalog(CACHED, NOW.plus(Duration.ofDays(3)))));

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.SCRAPED);
    }

    @Test
    void warnsButAnswers_whenTheCacheCannotBeWritten() {
        ModelCatalogCachePort failing = new ModelCatalogCachePort() {
            @Override
            public Optional<CachedModelCatalog> loadCachedCatalog() {
                return Optional.empty();
            }

            @Override
            public void saveCachedCatalog(CachedModelCatalog catalog) {
                throw new StorageException("Could not write model-catalog.json: No space left on device");
            }
        };

        ModelCatalog catalog = service(SITE, failing).load();

        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.SCRAPED);
        assertThat(warnings).singleElement().asString().contains("No space left");
    }

    private static ModelInfo model(String id) {
        return ModelInfo.builder(ModelId.of(id), id).build();
    }
}
