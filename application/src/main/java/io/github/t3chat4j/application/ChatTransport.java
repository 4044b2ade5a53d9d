package io.github.t3chat4j.application;

/**
 * The chat transport: sends one chat request and opens its reply stream. The HTTP adapters provide the
 * real one; a program can give its own, as a lambda, to a client builder
 * ({@link T3Client.Builder#chatTransport(ChatTransport)}):
 *
 * <pre>{@code
 * T3Client client = T3Client.builder()
 *         .chatTransport(request -> ChatStream.of(new ChatEvent.TextDelta("Hi!"), new ChatEvent.Finished("stop")))
 *         .build();
 * }</pre>
 *
 * <p>A transport retries a 429 or 503 that arrives before any byte of the reply at most
 * {@link ChatRequest#maxRetries()} times (bounded, honouring {@code Retry-After}); it never retries once
 * the stream has been returned. It throws
 * {@link io.github.t3chat4j.application.error.SessionExpiredException} for 401 (or 403 with JSON),
 * {@link io.github.t3chat4j.application.error.BlockedByBotProtectionException} for a challenge page,
 * {@link io.github.t3chat4j.application.error.RateLimitedException},
 * {@link io.github.t3chat4j.application.error.ServiceUnavailableException},
 * {@link io.github.t3chat4j.application.error.UnexpectedResponseException} and
 * {@link io.github.t3chat4j.application.error.TransportException}. Thread-safe: a client opens many
 * streams at once.
 */
@FunctionalInterface
public interface ChatTransport {

    /**
     * Sends {@code request} and returns its reply stream, open, for the caller to read and close.
     *
     * @param request what to send
     * @return the open reply stream
     */
    ChatStream open(ChatRequest request);
}
