package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.engine.EngineRequest;
import io.github.t3chat4j.adapter.http.internal.engine.EngineResponse;
import io.github.t3chat4j.adapter.http.internal.engine.Header;
import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.RequestNotSentException;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
import io.github.t3chat4j.application.error.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link HttpPipeline} over an {@link HttpEngine}: common headers first, then the call's; retries
 * under the {@link RetryPolicy} of what failed before any reply began, within the call's total deadline
 * when it has one; error answers read up to {@value #ERROR_BODY_LIMIT} bytes and mapped by
 * {@link HttpErrorMapper}. Thread-safe.
 */
public final class RealHttpPipeline implements HttpPipeline {

    static final int ERROR_BODY_LIMIT = 8192;

    private final HttpEngine engine;
    private final String userAgent;
    private final Timeouts timeouts;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param userAgent the {@code User-Agent} of every request
     * @param sleeper waits between retries (tests record the waits instead)
     * @param clock reads the {@code Retry-After} dates
     */
    public RealHttpPipeline(HttpEngine engine, String userAgent, Timeouts timeouts, RetryPolicy policy,
            Sleeper sleeper, Clock clock) {
        this.engine = requireNonNull(engine, "engine == null");
        this.userAgent = requireNonNull(userAgent, "userAgent == null");
        this.timeouts = requireNonNull(timeouts, "timeouts == null");
        this.policy = requireNonNull(policy, "policy == null");
        this.sleeper = requireNonNull(sleeper, "sleeper == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    @Override
    public OpenResponse open(HttpCall call) {
        requireNonNull(call, "call == null");
        long started = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            EngineResponse response;
            try {
                response = engine.execute(request(call, started));
            } catch (IOException e) {
                if (call.total().isPresent() && System.nanoTime() - started >= call.total().get().toNanos()) {
                    throw HttpErrorMapper.forTotalTimeout(call.description(), call.target(), call.total().get(), e);
                }
                if (attempt < policy.maxRetries() && e instanceof RequestNotSentException) {
                    pause(policy.delay(attempt + 1, Optional.empty(), jitter()), call);
                    continue;
                }
                throw HttpErrorMapper.forIo(call.description(), call.target(), e, call.redactor());
            }
            int status = response.status();
            if (status >= 200 && status <= 299) {
                return new OpenResponse(call, response);
            }
            Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After").orElse(null), clock);
            if (attempt < policy.maxRetries() && RetryPolicy.isRetryableStatus(status)) {
                errorBody(response);
                pause(policy.delay(attempt + 1, retryAfter, jitter()), call);
                continue;
            }
            String contentType = response.header("Content-Type").orElse("");
            boolean challenge = response.header("cf-mitigated").isPresent();
            throw HttpErrorMapper.forStatus(call.description(), status, contentType, errorBody(response), retryAfter,
                    challenge, call.redactor());
        }
    }

    /**
     * The engine's request: Chrome's client hints for a Chrome User-Agent, then {@code User-Agent} and
     * {@code Accept-Language} (the call's, or the default), then the call's own headers in its order.
     */
    private EngineRequest request(HttpCall call, long started) {
        List<Header> headers = new ArrayList<>(BrowserHeaders.clientHints(userAgent));
        headers.add(new Header("User-Agent", userAgent));
        headers.add(new Header("Accept-Language",
                call.header("Accept-Language").orElse(BrowserHeaders.DEFAULT_ACCEPT_LANGUAGE)));
        for (Header header : call.headers()) {
            if (!header.is("User-Agent") && !header.is("Accept-Language")) {
                headers.add(header);
            }
        }
        Timeouts limits = timeouts;
        if (call.total().isPresent()) {
            // What is left of the call's deadline after the attempts and waits before this one.
            long left = call.total().get().toNanos() - (System.nanoTime() - started);
            limits = timeouts.withTotal(Duration.ofNanos(Math.max(1, left)));
        }
        return new EngineRequest(call.method(), call.uri(), headers, call.body(), call.followRedirects(), limits);
    }

    private void pause(Duration wait, HttpCall call) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while waiting to retry " + call.description() + ".", e);
        }
    }

    private static double jitter() {
        return ThreadLocalRandom.current().nextDouble();
    }

    /** The start of an error body; a longer body is cut by dropping the connection. Closes the response. */
    private static String errorBody(EngineResponse response) {
        try (response) {
            BoundedBody.Prefix prefix = BoundedBody.readAtMost(response.body(), ERROR_BODY_LIMIT);
            if (!prefix.whole()) {
                response.abort();
            }
            return new String(prefix.bytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            response.abort();
            return "";
        }
    }
}
