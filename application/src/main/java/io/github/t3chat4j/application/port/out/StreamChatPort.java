package io.github.t3chat4j.application.port.out;

/**
 * The chat transport: sends one chat request and opens its reply stream.
 *
 * <p>Implementations retry a 429 or 503 that arrives before any byte of the reply (bounded, honouring
 * {@code Retry-After}); they never retry once the stream has been returned. They throw
 * {@link io.github.t3chat4j.application.error.SessionExpiredException} for 401 (or 403 with JSON),
 * {@link io.github.t3chat4j.application.error.BlockedByBotProtectionException} for a challenge page,
 * {@link io.github.t3chat4j.application.error.RateLimitedException},
 * {@link io.github.t3chat4j.application.error.ServiceUnavailableException},
 * {@link io.github.t3chat4j.application.error.UnexpectedResponseException} and
 * {@link io.github.t3chat4j.application.error.TransportException}.
 */
@FunctionalInterface
public interface StreamChatPort {

    ChatStream open(ChatRequest request);
}
