package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.application.port.out.FetchImagePort;
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

    private HttpAdapters(HttpConfig config, Sleeper sleeper) {
        this.client = HttpClientFactory.create(config);
        HttpTransport transport = new HttpTransport(client, RetryPolicy.of(config), sleeper, Clock.systemUTC());
        this.chat = new HttpChatAdapter(transport, config, new ObjectMapper());
        this.session = new HttpSessionAdapter(transport, config);
        this.images = new HttpImageAdapter(transport, config);
    }

    /** The adapters against {@code config}, with a connection pool of their own. */
    public static HttpAdapters create(HttpConfig config) {
        return new HttpAdapters(requireNonNull(config, "config == null"), Sleeper.system());
    }

    static HttpAdapters create(HttpConfig config, Sleeper sleeper) {
        return new HttpAdapters(requireNonNull(config, "config == null"), requireNonNull(sleeper, "sleeper == null"));
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
