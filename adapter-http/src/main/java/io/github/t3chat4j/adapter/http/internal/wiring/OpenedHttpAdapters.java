package io.github.t3chat4j.adapter.http.internal.wiring;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.HttpImageAdapter;
import io.github.t3chat4j.adapter.http.internal.HttpPipeline;
import io.github.t3chat4j.adapter.http.internal.HttpSessionAdapter;
import io.github.t3chat4j.adapter.http.internal.ImageFileAdapter;
import io.github.t3chat4j.adapter.http.internal.RealHttpPipeline;
import io.github.t3chat4j.adapter.http.internal.RetryPolicy;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.adapter.http.internal.Sleeper;
import io.github.t3chat4j.adapter.http.internal.catalog.HttpModelCatalogAdapter;
import io.github.t3chat4j.adapter.http.internal.chat.HttpChatAdapter;
import io.github.t3chat4j.adapter.http.internal.chat.StreamLimits;
import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
import io.github.t3chat4j.adapter.http.internal.trpc.TrpcAccountAdapter;
import io.github.t3chat4j.application.ChatTransport;
import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.port.out.AccountPort;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.port.out.SessionPort;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP adapters of one client, opened: one engine (its connection pool) under one pipeline, and the
 * adapters over it. {@link #close()} shuts the pool down; open streams break. Thread-safe.
 */
public final class OpenedHttpAdapters implements DrivenAdapters {

    private final URI baseUrl;
    private final HttpEngine engine;
    private final HttpChatAdapter chat;
    private final HttpSessionAdapter session;
    private final HttpImageAdapter images;
    private final TrpcAccountAdapter account;
    private final HttpModelCatalogAdapter catalog;
    private final ImageFileAdapter imageFiles = new ImageFileAdapter();

    /**
     * @param site the requests to the site, with what its own client sends beside them
     * @param engine the engine, now this set's: closed with it
     * @param retries how often the pipeline retries what failed before a reply began
     * @param transports the transports this machine has, in the order a fallback tries them (named in a
     *     checkpoint's refusal)
     */
    public OpenedHttpAdapters(SiteRequests site, String userAgent, HttpEngine engine, Timeouts timeouts,
            RetryPolicy retries, Sleeper sleeper, Supplier<List<String>> transports, StreamLimits limits,
            long maxImageBytes) {
        this.baseUrl = requireNonNull(site, "site == null").baseUrl();
        this.engine = requireNonNull(engine, "engine == null");
        HttpPipeline pipeline = new RealHttpPipeline(engine, userAgent, timeouts, retries, sleeper, Clock.systemUTC(),
                transports);
        ObjectMapper mapper = SharedMapper.MAPPER;
        this.chat = new HttpChatAdapter(pipeline, site, mapper, limits);
        this.session = new HttpSessionAdapter(pipeline, site);
        this.images = new HttpImageAdapter(pipeline, maxImageBytes);
        this.account = new TrpcAccountAdapter(pipeline, site, mapper);
        this.catalog = new HttpModelCatalogAdapter(pipeline, site, mapper);
    }

    /** @return the chat transport ({@code POST /api/chat}) */
    public HttpChatAdapter chat() {
        return chat;
    }

    /** @return the session's opening ({@code GET /}) and renewal ({@code auth.getActiveSessions}) */
    public HttpSessionAdapter sessions() {
        return session;
    }

    /** @return image downloads without the t3.chat cookie */
    public HttpImageAdapter images() {
        return images;
    }

    /** @return the account's reads over tRPC */
    public TrpcAccountAdapter accountReader() {
        return account;
    }

    /** @return the model catalogue scraped from the site's JavaScript, and the bundled list */
    public HttpModelCatalogAdapter catalog() {
        return catalog;
    }

    @Override
    public Optional<ChatTransport> chatTransport() {
        return Optional.of(chat);
    }

    @Override
    public Optional<SessionPort> session() {
        return Optional.of(session);
    }

    @Override
    public Optional<AccountPort> account() {
        return Optional.of(account);
    }

    @Override
    public Optional<LoadModelCatalogPort> modelCatalog() {
        return Optional.of(catalog);
    }

    @Override
    public Optional<FetchImagePort> imageFetcher() {
        return Optional.of(images);
    }

    /** @return what saves a downloaded image at the exact path given, when no image store is */
    @Override
    public Optional<SaveImagePort> imageFiles() {
        return Optional.of(imageFiles);
    }

    @Override
    public boolean sendsCredentials() {
        return true;
    }

    /** Shuts the connection pool down; open streams break. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "OpenedHttpAdapters[" + baseUrl + "]";
    }

    /**
     * One mapper for every opened set in this JVM: thread-safe once made, and it keeps what it learnt of the
     * answer classes between clients (t3's warm process opens a set per run).
     */
    private static final class SharedMapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
