package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.port.out.CachedModelCatalog;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.internal.session.SessionKeeper;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides where the model catalogue comes from, in this order: a cache younger than {@code maxAge};
 * the site (then cached); a cache of any age; the bundled list. Listing and resolving models both ask
 * it. A cache that cannot be written is a warning, never a failure.
 */
public final class ModelCatalogService {

    /** How long a cached catalogue is used before the site is read again. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(1);

    private final LoadModelCatalogPort catalog;
    private final ModelCatalogCachePort cache;
    private final SessionKeeper keeper;
    private final Clock clock;
    private final Duration maxAge;
    private final Consumer<String> warnings;

    public ModelCatalogService(LoadModelCatalogPort catalog, ModelCatalogCachePort cache, SessionKeeper keeper,
            Clock clock, Duration maxAge, Consumer<String> warnings) {
        this.catalog = requireNonNull(catalog, "catalog == null");
        this.cache = requireNonNull(cache, "cache == null");
        this.keeper = requireNonNull(keeper, "keeper == null");
        this.clock = requireNonNull(clock, "clock == null");
        this.maxAge = requireNonNull(maxAge, "maxAge == null");
        this.warnings = requireNonNull(warnings, "warnings == null");
    }

    /** The catalogue, never empty; its {@link ModelCatalog#source()} says where it came from. */
    public ModelCatalog load() {
        Optional<CachedModelCatalog> cached = cache.loadCachedCatalog();
        Instant now = clock.instant();
        if (cached.isPresent() && isFresh(cached.get(), now) && !cached.get().models().isEmpty()) {
            return new ModelCatalog(cached.get().models(), ModelCatalog.Source.CACHED);
        }
        List<ModelInfo> site = keeper.call(catalog::loadSiteModels);
        if (!site.isEmpty()) {
            keep(new CachedModelCatalog(site, now));
            return new ModelCatalog(site, ModelCatalog.Source.SCRAPED);
        }
        if (cached.isPresent() && !cached.get().models().isEmpty()) {
            return new ModelCatalog(cached.get().models(), ModelCatalog.Source.CACHED);
        }
        return new ModelCatalog(catalog.loadBundledModels(), ModelCatalog.Source.BUNDLED);
    }

    private boolean isFresh(CachedModelCatalog cached, Instant now) {
        // A cache from the future (a clock set back) counts as fresh only within maxAge too.
        return !now.isAfter(cached.fetchedAt().plus(maxAge)) && !cached.fetchedAt().isAfter(now.plus(maxAge));
    }

    private void keep(CachedModelCatalog fresh) {
        try {
            cache.saveCachedCatalog(fresh);
        } catch (T3ChatException e) {
            warnings.accept("could not cache the model catalogue (" + e.getMessage() + ").");
        }
    }
}
