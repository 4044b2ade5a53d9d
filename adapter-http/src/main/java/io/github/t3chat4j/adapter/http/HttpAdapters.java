package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.catalog.CatalogAdapters;
import io.github.t3chat4j.adapter.http.catalog.CatalogConfig;
import io.github.t3chat4j.adapter.http.trpc.TrpcAdapters;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The HTTP adapters for programs without Guice. They share one connection pool, which {@link #close()}
 * shuts down:
 *
 * <pre>{@code
 * HttpAdapters http = HttpAdapters.create(HttpConfig.defaults());
 * T3Client client = T3Client.builder().cookies(cookies)
 *         .chatTransport(http.chat()).sessionRenewal(http.sessionRenewal())
 *         .sessionInitializer(http.sessionInitializer()).closeOnClose(http).build();
 * }</pre>
 *
 * Thread-safe; the adapters stay usable until closed. Creating it does no I/O.
 */
public final class HttpAdapters implements AutoCloseable {

    private final CloseableHttpClient client;
    private final HttpChatAdapter chat;
    private final HttpSessionAdapter session;
    private final HttpImageAdapter images;
    private final TrpcAdapters trpc;
    private final LoadModelCatalogPort catalog;

    private HttpAdapters(HttpConfig config, CatalogConfig catalogConfig, Sleeper sleeper) {
        this.client = HttpClientFactory.create(config);
        ObjectMapper mapper = new ObjectMapper();
        HttpTransport transport = new HttpTransport(client, RetryPolicy.of(config), sleeper, Clock.systemUTC());
        this.chat = new HttpChatAdapter(transport, config, mapper);
        this.session = new HttpSessionAdapter(transport, config);
        this.images = new HttpImageAdapter(transport, config);
        this.trpc = TrpcAdapters.create(config, client, mapper);
        this.catalog = CatalogAdapters.modelCatalog(config, client, mapper, catalogConfig);
    }

    /** The adapters against {@code config}, with a connection pool of their own; the catalogue is not cached. */
    public static HttpAdapters create(HttpConfig config) {
        return create(config, CatalogConfig.defaults());
    }

    /** The adapters against {@code config}, with the model catalogue's settings (such as its cache folder). */
    public static HttpAdapters create(HttpConfig config, CatalogConfig catalogConfig) {
        return new HttpAdapters(requireNonNull(config, "config == null"),
                requireNonNull(catalogConfig, "catalogConfig == null"), Sleeper.system());
    }

    static HttpAdapters create(HttpConfig config, Sleeper sleeper) {
        return new HttpAdapters(requireNonNull(config, "config == null"), CatalogConfig.defaults(),
                requireNonNull(sleeper, "sleeper == null"));
    }

    /** The chat transport ({@code POST /api/chat}). */
    public StreamChatPort chat() {
        return chat;
    }

    /** Opens the session ({@code GET /}). */
    public InitializeSessionPort sessionInitializer() {
        return session;
    }

    /** Rotates the {@code wos-session} cookie ({@code auth.getActiveSessions}). */
    public RenewSessionPort sessionRenewal() {
        return session;
    }

    /** Downloads images without the t3.chat cookie. */
    public FetchImagePort imageFetcher() {
        return images;
    }

    /** Credits and usage ({@code getCustomerData} over tRPC). */
    public LoadCustomerDataPort customerData() {
        return trpc.customerData();
    }

    /** Subscription, pricing products and active sessions over tRPC. */
    public LoadAccountPort account() {
        return trpc.account();
    }

    /** Model statuses and benchmarks over tRPC. */
    public LoadModelInsightsPort modelInsights() {
        return trpc.modelInsights();
    }

    /** The model catalogue scraped from the site's JavaScript (bundled list as a fallback). */
    public LoadModelCatalogPort modelCatalog() {
        return catalog;
    }

    /** Shuts the connection pool down; open streams break. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the HTTP client", e);
        }
    }
}
