package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The engine over Apache HttpClient 5's classic (blocking) client with a connection pool. The client's
 * own retries, cookie store and content decompression are off: the pipeline retries, the session's
 * cookie string is sent as given (a server's {@code Set-Cookie} never reaches another host), and stream
 * chunks reach the decoder as they arrive.
 */
public final class ApacheClassicEngine implements HttpEngine {

    // Sized for the OpenAI-compatible gateway, which streams many replies at once over one client;
    // connections are opened only when needed, so a single-user CLI never holds more than one or two.
    private static final int MAX_CONNECTIONS_PER_ROUTE = 64;
    private static final int MAX_CONNECTIONS = 128;

    private final CloseableHttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApacheClassicEngine(CloseableHttpClient client) {
        this.client = client;
    }

    /**
     * A new engine with a pool of its own; no connection is opened, and TLS is not set up, before the first
     * request that needs it. A program
     * without an SLF4J backend hears nothing from HttpClient's logging (see {@link Slf4jFallback}).
     */
    public static ApacheClassicEngine create() {
        return create(ProxyRules.none());
    }

    /** A new engine whose requests take the proxy {@code proxies} picks (Basic credentials from its URL). */
    public static ApacheClassicEngine create(ProxyRules proxies) {
        Slf4jFallback.quietWithoutBackend();
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new LazyTlsStrategy())
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .build();
        return new ApacheClassicEngine(HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new RulesRoutePlanner(proxies))
                .setDefaultCredentialsProvider(new ProxyCredentials(proxies))
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), HeadDeadline.SentMark.NAME,
                        new HeadDeadline.SentMark())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .build());
    }

    @Override
    public EngineResponse execute(EngineRequest request) throws IOException {
        requireNonNull(request, "request == null");
        if (closed.get()) {
            throw new IllegalStateException("The HTTP adapters are closed.");
        }
        HttpUriRequestBase message = new HttpUriRequestBase(request.method(), request.uri());
        for (Header header : request.headers()) {
            message.addHeader(header.name(), header.value());
        }
        byte[] body = request.body();
        if (body.length > 0) {
            // The Content-Type travels as a header of the request, so the entity declares none.
            message.setEntity(new ByteArrayEntity(body, null));
        }
        message.setConfig(config(request));
        // The socket timeout ends a silent server, but every byte restarts it: the head has a deadline of its own.
        HeadDeadline deadline = new HeadDeadline(request.timeouts());
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(HeadDeadline.ATTRIBUTE, deadline);
        deadline.arm(message::cancel);
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, message, context);
        } catch (ConnectException | NoRouteToHostException | ConnectTimeoutException e) {
            throw new RequestNotSentException(true, e);
        } catch (NoHttpResponseException e) {
            // A pooled connection the server had closed while idle: the request never got an answer.
            throw new RequestNotSentException(false, e);
        } catch (IOException | RuntimeException e) {
            if (deadline.expired()) {
                throw deadline.timeout();
            }
            throw e;
        } finally {
            deadline.arrived();
        }
        if (deadline.expired()) {
            response.close();
            throw deadline.timeout();
        }
        return ApacheResponse.open(message, response);
    }

    @SuppressWarnings("deprecation") // RequestConfig's connect timeout is still honoured, and is per request.
    private static RequestConfig config(EngineRequest request) {
        Timeout connect = Timeout.of(request.timeouts().connect());
        return RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setConnectTimeout(connect)
                .setResponseTimeout(Timeout.of(request.timeouts().read()))
                .setRedirectsEnabled(request.followRedirects())
                .build();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close(CloseMode.GRACEFUL);
        }
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String toString() {
        return "ApacheClassicEngine[" + (closed.get() ? "closed" : "open") + "]";
    }

    /** A response over the client's; remembers whether its body was read to the end. */
    private static final class ApacheResponse implements EngineResponse {
        private final HttpUriRequestBase request;
        private final ClassicHttpResponse response;
        private final List<Header> headers;
        private final TrackedBody body;
        private final AtomicBoolean closed = new AtomicBoolean();

        private ApacheResponse(HttpUriRequestBase request, ClassicHttpResponse response, List<Header> headers,
                TrackedBody body) {
            this.request = request;
            this.response = response;
            this.headers = headers;
            this.body = body;
        }

        static ApacheResponse open(HttpUriRequestBase request, ClassicHttpResponse response) throws IOException {
            HttpEntity entity = response.getEntity();
            TrackedBody body;
            try {
                body = entity == null ? new TrackedBody(InputStream.nullInputStream(), true)
                        : new TrackedBody(entity.getContent(), false);
            } catch (IOException | RuntimeException e) {
                request.cancel();
                response.close();
                throw e;
            }
            return new ApacheResponse(request, response, Header.fromHttpCore(response.getHeaders()), body);
        }

        @Override
        public int status() {
            return response.getCode();
        }

        @Override
        public List<Header> headers() {
            return headers;
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public void abort() {
            request.cancel();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                if (!body.ended) {
                    // Closing the client's stream would read the rest of the body first; drop it instead.
                    request.cancel();
                }
                try {
                    response.close();
                } catch (IOException alreadyBroken) {
                    // The connection is discarded either way; nothing more to release.
                }
            }
        }
    }

    /** The body stream, noting when it reached its end (after which the connection can be reused). */
    private static final class TrackedBody extends FilterInputStream {
        private volatile boolean ended;

        TrackedBody(InputStream in, boolean ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                ended = true;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                ended = true;
            }
            return n;
        }
    }
}
