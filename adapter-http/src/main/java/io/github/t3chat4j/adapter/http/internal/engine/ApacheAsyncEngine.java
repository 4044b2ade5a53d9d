package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The engine of the {@code java} transport: Apache HttpClient 5's async client, which speaks HTTP/2
 * over TLS where the server offers it through ALPN (as a browser does) and HTTP/1.1 otherwise, over a
 * connection pool. TLS is set up as {@link TlsSettings} says; the proxy of each request is the one
 * {@link ProxyRules} picks, with Basic credentials answered to the proxy's challenge. The client's own
 * retries, cookie store, decompression and priority headers are off: the pipeline decides all of that.
 * Plain {@code http://} requests (no TLS, so no ALPN) go through HttpClient's classic client over HTTP/1.1,
 * with the same proxy rules.
 */
public final class ApacheAsyncEngine implements HttpEngine {

    private static final int MAX_CONNECTIONS_PER_ROUTE = 10;
    private static final int MAX_CONNECTIONS = 20;

    private final CloseableHttpAsyncClient client;
    private final ApacheClassicEngine cleartext;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApacheAsyncEngine(CloseableHttpAsyncClient client, ApacheClassicEngine cleartext) {
        this.client = client;
        this.cleartext = cleartext;
    }

    /**
     * A started engine with a pool of its own; no connection is opened before the first request.
     *
     * @throws IllegalArgumentException when a proxy is not an {@code http://} one (the JVM's client speaks
     *     to no other kind)
     * @throws UncheckedIOException when the certificates to trust cannot be read
     */
    public static ApacheAsyncEngine create(EngineOptions options) {
        requireNonNull(options, "options == null");
        for (ProxyEndpoint proxy : options.proxies().endpoints()) {
            if (!proxy.isHttp()) {
                throw new IllegalArgumentException("The java transport reaches proxies over http:// only, not "
                        + proxy.scheme() + "://; use the curl transport for this proxy.");
            }
        }
        Slf4jFallback.quietWithoutBackend();
        TlsSettings tls;
        try {
            tls = TlsSettings.create(options.trustedCertificates());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicInteger threads = new AtomicInteger();
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setVersionPolicy(HttpVersionPolicy.NEGOTIATE)
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(tls.context())
                                .setTlsVersions(tls.protocols())
                                .setCiphers(tls.ciphers())
                                .buildAsync())
                        .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setThreadFactory(r -> {
                    Thread t = new Thread(r, "t3chat4j-http-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                })
                .setRoutePlanner(new RulesRoutePlanner(options.proxies()))
                .setDefaultCredentialsProvider(new ProxyCredentials(options.proxies()))
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), HeadDeadline.SentMark.NAME,
                        new HeadDeadline.SentMark())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableRequestPriority()
                .build();
        client.start();
        return new ApacheAsyncEngine(client, ApacheClassicEngine.create(options.proxies()));
    }

    @Override
    public EngineResponse execute(EngineRequest request) throws IOException {
        requireNonNull(request, "request == null");
        if (closed.get()) {
            throw new IllegalStateException("The HTTP adapters are closed.");
        }
        if (request.uri().getScheme().equalsIgnoreCase("http")) {
            // Without TLS there is no ALPN and so no HTTP/2 (as in a browser): the classic client speaks
            // HTTP/1.1 and reads a body up to a connection reset without losing what arrived before it.
            return cleartext.execute(request);
        }
        StreamingResponseConsumer consumer = new StreamingResponseConsumer();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config(request));
        HeadDeadline deadline = new HeadDeadline(request.timeouts());
        context.setAttribute(HeadDeadline.ATTRIBUTE, deadline);
        Future<Void> exchange = client.execute(producer(request), consumer, null, context, null);
        StreamingResponseConsumer.Head head;
        try {
            head = awaitHead(consumer, deadline);
        } catch (ExecutionException e) {
            exchange.cancel(true);
            throw failure(e.getCause());
        } catch (TimeoutException e) {
            consumer.abort();
            exchange.cancel(true);
            throw deadline.timeout();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the answer");
        }
        return new JavaResponse(head, consumer, exchange, Timeout.of(request.timeouts().read()));
    }

    /** The head, once it has arrived whole; a {@link TimeoutException} once it is due and has not. */
    private static StreamingResponseConsumer.Head awaitHead(StreamingResponseConsumer consumer, HeadDeadline deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        while (true) {
            long left = deadline.millisLeft();
            if (left <= 0) {
                deadline.expire();
                throw new TimeoutException();
            }
            try {
                // Looked at again at least every 100 ms: the request may be sent meanwhile, moving the time due.
                return consumer.head().get(Math.min(left, 100), TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // Not yet: is it due now?
            }
        }
    }

    private static AsyncRequestProducer producer(EngineRequest request) {
        AsyncRequestBuilder builder = AsyncRequestBuilder.create(request.method()).setUri(request.uri());
        for (Header header : request.headers()) {
            builder.addHeader(header.name(), header.value());
        }
        byte[] body = request.body();
        if (body.length > 0) {
            ContentType type = request.header("Content-Type").map(ContentType::parseLenient)
                    .orElse(ContentType.APPLICATION_OCTET_STREAM);
            builder.setEntity(AsyncEntityProducers.create(body, type));
        }
        return builder.build();
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

    /** The engine's exception for a failed exchange: not sent when no connection was made. */
    private static IOException failure(Throwable cause) {
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof ConnectTimeoutException || cause instanceof UnknownHostException) {
            return new RequestNotSentException(true, (IOException) cause);
        }
        if (cause instanceof RequestNotExecutedException notExecuted) {
            return new RequestNotSentException(false, notExecuted);
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException(cause == null ? "The exchange failed" : cause.getMessage(), cause);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close(CloseMode.IMMEDIATE);
            cleartext.close();
        }
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String toString() {
        return "ApacheAsyncEngine[" + (closed.get() ? "closed" : "open") + "]";
    }

    /** A response whose body flows from the consumer's buffer. */
    private static final class JavaResponse implements EngineResponse {
        private final int status;
        private final String protocol;
        private final List<Header> headers;
        private final StreamingResponseConsumer consumer;
        private final Future<Void> exchange;
        private final Body body;
        private final AtomicBoolean aborted = new AtomicBoolean();

        JavaResponse(StreamingResponseConsumer.Head head, StreamingResponseConsumer consumer, Future<Void> exchange,
                Timeout readTimeout) {
            HttpResponse response = head.response();
            this.status = response.getCode();
            this.protocol = head.protocol() == null ? "HTTP/1.1" : head.protocol().format();
            this.headers = Header.fromHttpCore(response.getHeaders());
            this.consumer = consumer;
            this.exchange = exchange;
            this.body = new Body(readTimeout);
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public List<Header> headers() {
            return headers;
        }

        @Override
        public String protocol() {
            return protocol;
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public void abort() {
            if (aborted.compareAndSet(false, true)) {
                consumer.abort();
                exchange.cancel(true);
            }
        }

        @Override
        public void close() {
            if (!body.ended) {
                abort();
            }
        }

        /** Reads the buffer; a failed exchange (not our own abort) is an exception, never a clean end. */
        private final class Body extends InputStream {
            private final Timeout readTimeout;
            private volatile boolean ended;

            Body(Timeout readTimeout) {
                this.readTimeout = readTimeout;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n;
                try {
                    n = consumer.buffer().read(b, off, len, readTimeout);
                } catch (InterruptedIOException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    abort();
                    throw new SocketTimeoutException("Read timed out");
                }
                if (n < 0) {
                    Exception failure = consumer.failure();
                    if (failure != null && !aborted.get()) {
                        throw failure instanceof SocketTimeoutException timeout ? timeout
                                : new IOException(failure.getMessage(), failure);
                    }
                    if (!aborted.get()) {
                        ended = true;
                    }
                }
                return n;
            }

            @Override
            public int available() {
                return consumer.buffer().length();
            }

            @Override
            public void close() {
                JavaResponse.this.close();
            }
        }
    }
}
