package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import io.github.t3chat4j.adapter.http.catalog.CatalogConfig;
import io.github.t3chat4j.adapter.http.catalog.CatalogModule;
import io.github.t3chat4j.adapter.http.trpc.TrpcModule;

/**
 * The account and catalogue side of the HTTP adapter: installs {@link TrpcModule} (binding
 * {@code LoadCustomerDataPort}, {@code LoadAccountPort}, {@code LoadModelInsightsPort}) and
 * {@link CatalogModule} (binding {@code LoadModelCatalogPort}). It binds no {@code CloseableHttpClient}
 * or {@code ObjectMapper}: {@code HttpAdapterModule} provides those and installs this module with
 * {@code install(new AccountModule(config))}.
 */
public final class AccountModule extends AbstractModule {

    private final HttpConfig config;
    private final CatalogConfig catalogConfig;

    /** With the default catalogue settings: no disk cache. */
    public AccountModule(HttpConfig config) {
        this(config, CatalogConfig.defaults());
    }

    public AccountModule(HttpConfig config, CatalogConfig catalogConfig) {
        this.config = requireNonNull(config, "config == null");
        this.catalogConfig = requireNonNull(catalogConfig, "catalogConfig == null");
    }

    @Override
    protected void configure() {
        install(new TrpcModule(config));
        install(new CatalogModule(config, catalogConfig));
    }
}
