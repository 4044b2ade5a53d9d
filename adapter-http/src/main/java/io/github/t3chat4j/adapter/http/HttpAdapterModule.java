package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.catalog.CatalogConfig;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Guice bindings of the HTTP adapter, all singletons:
 * <ul>
 *   <li>{@link StreamChatPort} → the HttpClient chat transport ({@code POST /api/chat});</li>
 *   <li>{@link InitializeSessionPort} and {@link RenewSessionPort} → the session adapter
 *       ({@code GET /}, {@code auth.getActiveSessions});</li>
 *   <li>{@link FetchImagePort} → the cookie-less image downloader;</li>
 *   <li>the account ports ({@code LoadCustomerDataPort}, {@code LoadAccountPort}, {@code LoadModelInsightsPort}) over
 *       tRPC and {@code LoadModelCatalogPort} (the scraped catalogue), through {@link AccountModule};</li>
 *   <li>{@link HttpConfig}, {@link CloseableHttpClient} and {@link ObjectMapper}, which the adapters share.</li>
 * </ul>
 * Retries wait on the system clock (the adapters build their {@code RetryPolicy} from the config), so the
 * module binds no {@code Clock} of its own. Guice does not close the {@link CloseableHttpClient}: the
 * composition root closes it on exit. No I/O happens while the module is configured.
 */
public final class HttpAdapterModule extends AbstractModule {

    private final HttpConfig config;
    private final CatalogConfig catalogConfig;

    /** The HTTP adapters; the model catalogue is not cached on disk. */
    public HttpAdapterModule(HttpConfig config) {
        this(config, CatalogConfig.defaults());
    }

    /** The HTTP adapters, with the model catalogue's settings (such as its cache folder). */
    public HttpAdapterModule(HttpConfig config, CatalogConfig catalogConfig) {
        this.config = requireNonNull(config, "config == null");
        this.catalogConfig = requireNonNull(catalogConfig, "catalogConfig == null");
    }

    @Override
    protected void configure() {
        bind(HttpConfig.class).toInstance(config);
        bind(HttpTransport.class).in(Scopes.SINGLETON);
        bind(HttpChatAdapter.class).in(Scopes.SINGLETON);
        bind(HttpSessionAdapter.class).in(Scopes.SINGLETON);
        bind(HttpImageAdapter.class).in(Scopes.SINGLETON);
        bind(StreamChatPort.class).to(HttpChatAdapter.class).in(Scopes.SINGLETON);
        bind(InitializeSessionPort.class).to(HttpSessionAdapter.class).in(Scopes.SINGLETON);
        bind(RenewSessionPort.class).to(HttpSessionAdapter.class).in(Scopes.SINGLETON);
        bind(FetchImagePort.class).to(HttpImageAdapter.class).in(Scopes.SINGLETON);
        // Account data (tRPC) and the model catalogue reuse this module's client and ObjectMapper.
        install(new AccountModule(config, catalogConfig));
    }

    @Provides
    @Singleton
    CloseableHttpClient httpClient(HttpConfig httpConfig) {
        return HttpClientFactory.create(httpConfig);
    }

    @Provides
    @Singleton
    ObjectMapper objectMapper() {
        return new ObjectMapper();
    }
}
