package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.HttpClientFactory;
import io.github.t3chat4j.adapter.http.internal.HttpImageAdapter;
import io.github.t3chat4j.adapter.http.internal.HttpSessionAdapter;
import io.github.t3chat4j.adapter.http.internal.HttpTransport;
import io.github.t3chat4j.adapter.http.internal.RetryPolicy;
import io.github.t3chat4j.adapter.http.internal.Sleeper;
import io.github.t3chat4j.adapter.http.internal.catalog.CatalogAdapters;
import io.github.t3chat4j.adapter.http.internal.chat.HttpChatAdapter;
import io.github.t3chat4j.adapter.http.internal.trpc.TrpcAdapters;
import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.DrivenPorts;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The HTTP adapters of t3chat4j, ready to hand to a client builder; they share one connection pool,
 * which {@link #close()} shuts down (a client built over them closes them with itself):
 *
 * <pre>{@code
 * T3Client client = T3Client.builder().cookies(cookies).convexSessionId(convexId)
 *         .adapters(HttpAdapters.create(HttpConfig.defaults())).build();
 * }</pre>
 *
 * Thread-safe; the adapters stay usable until closed. Creating it does no I/O.
 */
public final class HttpAdapters implements DrivenAdapters {

    private final HttpConfig config;
    private final CloseableHttpClient client;
    private final HttpChatAdapter chat;
    private final HttpSessionAdapter session;
    private final HttpImageAdapter images;
    private final TrpcAdapters trpc;
    private final LoadModelCatalogPort catalog;

    private HttpAdapters(HttpConfig config, Sleeper sleeper) {
        this.config = config;
        this.client = HttpClientFactory.create(config);
        ObjectMapper mapper = new ObjectMapper();
        HttpTransport transport = new HttpTransport(client, RetryPolicy.of(config), sleeper, Clock.systemUTC());
        this.chat = new HttpChatAdapter(transport, config, mapper);
        this.session = new HttpSessionAdapter(transport, config);
        this.images = new HttpImageAdapter(transport, config);
        this.trpc = TrpcAdapters.create(config, client, mapper);
        this.catalog = CatalogAdapters.modelCatalog(config, client, mapper);
    }

    /** The adapters against {@code config}, with a connection pool of their own. */
    public static HttpAdapters create(HttpConfig config) {
        return create(config, Sleeper.system());
    }

    /** With a sleeper of the test's between retries. */
    static HttpAdapters create(HttpConfig config, Sleeper sleeper) {
        return new HttpAdapters(requireNonNull(config, "config == null"), requireNonNull(sleeper, "sleeper == null"));
    }

    /** Sets every port these adapters implement, and marks the ports as sending credentials to t3.chat. */
    @Override
    public void contributeTo(DrivenPorts.Builder ports) {
        ports.chat(chat)
                .renewSession(session)
                .initializeSession(session)
                .fetchImage(images)
                .customerData(trpc.customerData())
                .account(trpc.account())
                .modelInsights(trpc.modelInsights())
                .modelCatalog(catalog)
                .credentialsRequired();
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

    /** The model catalogue scraped from the site's JavaScript, and the bundled list. */
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

    @Override
    public String toString() {
        return "HttpAdapters[" + config.baseUrl() + "]";
    }
}
