package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.error.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Sends requests through the shared client and hands back an open 2xx response, retrying under the
 * {@link RetryPolicy} what failed before any reply began: 429/502/503/504 (honouring
 * {@code Retry-After}) and connection failures that left the request unsent. Other answers become the
 * application's exceptions through {@link HttpErrorMapper}. Thread-safe.
 */
public final class HttpTransport {

    private static final int ERROR_BODY_LIMIT = 8192;

    private final CloseableHttpClient client;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    public HttpTransport(CloseableHttpClient client, HttpConfig config) {
        this(client, RetryPolicy.of(config), Sleeper.system(), Clock.systemUTC());
    }

    /** For tests and the factory: a chosen policy, a recording sleeper, a fixed clock. */
    public HttpTransport(CloseableHttpClient client, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.client = requireNonNull(client, "client == null");
        this.policy = requireNonNull(policy, "policy == null");
        this.sleeper = requireNonNull(sleeper, "sleeper == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    /** An open 2xx exchange. The receiver reads the body and closes it; {@link #abort()} cancels it from any thread. */
    public static final class Exchange implements AutoCloseable {
        private final HttpUriRequestBase request;
        private final ClassicHttpResponse response;

        Exchange(HttpUriRequestBase request, ClassicHttpResponse response) {
            this.request = request;
            this.response = response;
        }

        public ClassicHttpResponse response() {
            return response;
        }

        public String header(String name) {
            Header header = response.getFirstHeader(name);
            return header == null ? null : header.getValue();
        }

        /** Drops the connection at once, also while another thread reads the body. */
        public void abort() {
            request.cancel();
        }

        /**
         * Reads what is left of the body (blocking until it ends) and releases the connection to the pool;
         * a read failure just drops it.
         */
        public void drainAndClose() {
            try {
                EntityUtils.consume(response.getEntity());
            } catch (IOException dropped) {
                // The connection cannot be reused; close() below discards it.
            }
            close();
        }

        /** Releases the connection: back to the pool when the body was read to its end, else dropped. */
        @Override
        public void close() {
            try {
                response.close();
            } catch (IOException alreadyBroken) {
                // The connection is discarded either way; nothing more to release.
            }
        }
    }

    /**
     * Executes the request {@code requests} builds (a fresh one per attempt) until it answers 2xx.
     *
     * @param description what is asked, for messages, such as {@code "POST /api/chat"}
     * @throws io.github.t3chat4j.application.error.T3ChatException subtypes, as {@link HttpErrorMapper} maps them
     */
    public Exchange open(Supplier<HttpUriRequestBase> requests, String description, Redactor redactor) {
        for (int attempt = 0; ; attempt++) {
            HttpUriRequestBase request = requests.get();
            String target = target(request);
            ClassicHttpResponse response;
            try {
                response = client.executeOpen(null, request, null);
            } catch (IOException e) {
                if (attempt < policy.maxRetries() && requestWasNotSent(e)) {
                    pause(policy.delay(attempt + 1, Optional.empty(), jitter()), description);
                    continue;
                }
                throw HttpErrorMapper.forIo(description, target, e, redactor);
            }
            int status = response.getCode();
            if (status >= 200 && status <= 299) {
                return new Exchange(request, response);
            }
            Header retryAfterHeader = response.getFirstHeader("Retry-After");
            Optional<Duration> retryAfter = RetryAfter.parse(
                    retryAfterHeader == null ? null : retryAfterHeader.getValue(), clock);
            if (attempt < policy.maxRetries() && RetryPolicy.isRetryableStatus(status)) {
                discard(request, response);
                pause(policy.delay(attempt + 1, retryAfter, jitter()), description);
                continue;
            }
            Header contentType = response.getFirstHeader("Content-Type");
            boolean challenge = response.getFirstHeader("cf-mitigated") != null;
            String body = errorBody(request, response);
            throw HttpErrorMapper.forStatus(description, status, contentType == null ? "" : contentType.getValue(),
                    body, retryAfter, challenge, redactor);
        }
    }

    /**
     * Failures after which the server has not acted on the request, so a retry does not send a chat twice:
     * no connection at all, or (NoHttpResponseException) a pooled connection the server had closed while
     * idle. A failure later in the exchange is never retried.
     */
    private static boolean requestWasNotSent(IOException e) {
        return e instanceof ConnectException || e instanceof ConnectTimeoutException
                || e instanceof NoRouteToHostException || e instanceof NoHttpResponseException;
    }

    private void pause(Duration wait, String description) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while waiting to retry " + description + ".", e);
        }
    }

    private static double jitter() {
        return ThreadLocalRandom.current().nextDouble();
    }

    private static String target(HttpUriRequestBase request) {
        try {
            URI uri = request.getUri();
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (URISyntaxException e) {
            return "the server";
        }
    }

    /** Reads the start of an error body; a body longer than the limit is cut by dropping the connection. */
    private static String errorBody(HttpUriRequestBase request, ClassicHttpResponse response) {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            closeQuietly(response);
            return "";
        }
        byte[] bytes;
        boolean more;
        try (InputStream in = entity.getContent()) {
            bytes = in.readNBytes(ERROR_BODY_LIMIT);
            more = bytes.length == ERROR_BODY_LIMIT && in.read() >= 0;
            if (more) {
                request.cancel();
            }
        } catch (IOException | UnsupportedOperationException unreadable) {
            request.cancel();
            bytes = new byte[0];
        } finally {
            closeQuietly(response);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void discard(HttpUriRequestBase request, ClassicHttpResponse response) {
        errorBody(request, response);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // Closing a response that failed to read; the connection is discarded.
        }
    }
}
