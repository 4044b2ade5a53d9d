package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.engine.Checkpoint;
import io.github.t3chat4j.adapter.http.internal.engine.EngineRequest;
import io.github.t3chat4j.adapter.http.internal.engine.EngineResponse;
import io.github.t3chat4j.adapter.http.internal.engine.Header;
import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.RequestNotSentException;
import io.github.t3chat4j.adapter.http.internal.engine.Timeouts;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The {@link HttpPipeline} over an {@link HttpEngine}: common headers first, then the call's; retries
 * under the {@link RetryPolicy} of what failed before any reply began, within the call's total deadline
 * when it has one; error answers read up to {@value #ERROR_BODY_LIMIT} bytes, recognised as t3.chat's
 * edge {@link Checkpoint} on any status (never retried: the same client meets it again) or mapped by
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
    private final Supplier<List<String>> alternatives;

    /**
     * @param userAgent the {@code User-Agent} of every request
     * @param sleeper waits between retries (tests record the waits instead)
     * @param clock reads the {@code Retry-After} dates
     */
    public RealHttpPipeline(HttpEngine engine, String userAgent, Timeouts timeouts, RetryPolicy policy,
            Sleeper sleeper, Clock clock) {
        this(engine, userAgent, timeouts, policy, sleeper, clock, List::of);
    }

    /**
     * @param alternatives the transports on this machine besides the engine's own, which a message about
     *     the checkpoint suggests (looked up only then)
     */
    public RealHttpPipeline(HttpEngine engine, String userAgent, Timeouts timeouts, RetryPolicy policy,
            Sleeper sleeper, Clock clock, Supplier<List<String>> alternatives) {
        this.alternatives = requireNonNull(alternatives, "alternatives == null");
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
        int maxRetries = call.maxRetries().orElse(policy.maxRetries());
        long started = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            EngineResponse response;
            try {
                response = engine.execute(request(call, started));
            } catch (IOException e) {
                if (call.total().isPresent() && System.nanoTime() - started >= call.total().get().toNanos()) {
                    throw HttpErrorMapper.forTotalTimeout(call.description(), call.target(), call.total().get(), e);
                }
                if (attempt < maxRetries && e instanceof RequestNotSentException) {
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
            String body = errorBody(response);
            Optional<Checkpoint> checkpoint = Checkpoint.in(status, response.headers(), body);
            if (checkpoint.isPresent()) {
                // Not a rate limit: the edge judged this client, and the same client will be judged the same.
                List<String> tried = response.triedEngines().isEmpty() ? List.of(engine.name()) : response.triedEngines();
                throw new BlockedByBotProtectionException(status, checkpoint.get().sign(), tried,
                        untried(tried));
            }
            if (attempt < maxRetries && RetryPolicy.isRetryableStatus(status)) {
                pause(policy.delay(attempt + 1, retryAfter, jitter()), call);
                continue;
            }
            String contentType = response.header("Content-Type").orElse("");
            throw HttpErrorMapper.forStatus(call.description(), status, contentType, body, retryAfter,
                    call.redactor());
        }
    }

    /**
     * The engine's request: Chrome's client hints for a Chrome User-Agent, {@code User-Agent} and
     * {@code Accept-Language} (the call's, or the default), and the call's own headers, in the order Chrome
     * sends that kind of request's fields when the call names one, else in that order.
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
        if (!call.order().isEmpty()) {
            // A stable sort: fields the order does not name keep their place among themselves, after it.
            headers.sort(Comparator.comparingInt(h -> rank(call.order(), h)));
        }
        Timeouts limits = timeouts;
        if (call.total().isPresent()) {
            // What is left of the call's deadline after the attempts and waits before this one.
            long left = call.total().get().toNanos() - (System.nanoTime() - started);
            limits = timeouts.withTotal(Duration.ofNanos(Math.max(1, left)));
        }
        return new EngineRequest(call.method(), call.uri(), headers, call.body(), call.followRedirects(), limits);
    }

    private static int rank(List<String> order, Header header) {
        int index = order.indexOf(header.name().toLowerCase(Locale.ROOT));
        return index < 0 ? order.size() : index;
    }

    /** The transports here that {@code tried} does not hold (one that could not run counts as tried). */
    private List<String> untried(List<String> tried) {
        List<String> names = tried.stream().map(t -> t.contains(" (") ? t.substring(0, t.indexOf(" (")) : t).toList();
        return alternatives.get().stream().filter(name -> !names.contains(name)).toList();
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
