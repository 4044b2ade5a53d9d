package io.github.t3chat4j.adapter.http.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import java.time.Clock;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Binds {@link LoadModelCatalogPort} to the scraping catalogue adapter, configured by the
 * {@link HttpConfig} and {@link CatalogConfig} given here. Needs {@link CloseableHttpClient} and
 * {@link ObjectMapper} bound elsewhere (by {@code HttpAdapterModule}). Installed by
 * {@code AccountModule}.
 */
public final class CatalogModule extends AbstractModule {

    private final HttpConfig config;
    private final CatalogConfig catalogConfig;

    public CatalogModule(HttpConfig config, CatalogConfig catalogConfig) {
        this.config = requireNonNull(config, "config == null");
        this.catalogConfig = requireNonNull(catalogConfig, "catalogConfig == null");
    }

    @Provides
    @Singleton
    LoadModelCatalogPort modelCatalog(CloseableHttpClient http, ObjectMapper mapper) {
        return new HttpModelCatalogAdapter(config, http, mapper, catalogConfig, Clock.systemUTC());
    }
}
