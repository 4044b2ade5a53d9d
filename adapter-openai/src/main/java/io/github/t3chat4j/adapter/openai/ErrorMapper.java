package io.github.t3chat4j.adapter.openai;

import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationException;
import io.github.t3chat4j.application.error.ApiKeyRequiredException;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.CaptchaRequiredException;
import io.github.t3chat4j.application.error.ChatStreamException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.NotConfiguredException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.application.error.UnknownModelException;

/**
 * Maps a failure of the use cases to what OpenAI clients expect: 400 for bad input (and tools or schemas
 * the emulation cannot use), 404 for an unknown model (with the did-you-mean), 429 with
 * {@code Retry-After} for t3.chat's rate limit and t3.chat's 5xx with its own status and
 * {@code Retry-After} (both passed through, never retried here), 401 with advice for an expired session,
 * and 502 for the bot checkpoint, a captcha the session needs, other upstream errors, cut-off replies
 * and a model whose tool call or structured answer stayed unusable after the corrective retry. The one
 * place this mapping lives; the README repeats it.
 */
final class ErrorMapper {

    private ErrorMapper() {
    }

    static ApiErrorException map(RuntimeException failure) {
        if (failure instanceof ApiErrorException api) {
            return api;
        }
        if (failure instanceof EmulationException emulation) {
            return switch (emulation.kind()) {
                case BAD_REQUEST -> new ApiErrorException(400, "invalid_request_error", null, null, failure.getMessage(),
                        null);
                case INVALID_TOOL_CALL -> upstream("invalid_tool_call", failure.getMessage(), null);
                case INVALID_STRUCTURED_OUTPUT -> upstream("invalid_structured_output", failure.getMessage(), null);
            };
        }
        if (failure instanceof UnknownModelException unknown) {
            return unknownModel(unknown.requestedId(), unknown.suggestion().map(id -> id.value()).orElse(null));
        }
        if (failure instanceof NotConfiguredException) {
            return new ApiErrorException(500, "server_error", "not_configured", null, failure.getMessage(), null);
        }
        if (failure instanceof InvalidInputException) {
            return new ApiErrorException(400, "invalid_request_error", null, null, failure.getMessage(), null);
        }
        if (failure instanceof SessionExpiredException) {
            return new ApiErrorException(401, "authentication_error", "t3chat_session_expired", null,
                    "The gateway's t3.chat session has expired (your gateway key is fine). Sign in to t3.chat in"
                            + " your browser again, give the gateway the fresh cookies and restart it.", null);
        }
        if (failure instanceof RateLimitedException limited) {
            return new ApiErrorException(429, "rate_limit_error", "rate_limit_exceeded", null, failure.getMessage(),
                    limited.retryAfter().orElse(null));
        }
        if (failure instanceof BlockedByBotProtectionException) {
            return upstream("t3chat_bot_protection", failure.getMessage(), null);
        }
        if (failure instanceof CaptchaRequiredException) {
            return upstream("t3chat_captcha_required", failure.getMessage(), null);
        }
        if (failure instanceof ApiKeyRequiredException) {
            return new ApiErrorException(400, "invalid_request_error", "api_key_required", "model",
                    failure.getMessage(), null);
        }
        if (failure instanceof ServiceUnavailableException unavailable) {
            // Passed through as t3.chat said it, so that the client's own retry policy decides (issue 20).
            int status = unavailable.statusCode() >= 500 && unavailable.statusCode() <= 599 ? unavailable.statusCode()
                    : 502;
            return new ApiErrorException(status, "server_error", "t3chat_unavailable", null, failure.getMessage(),
                    unavailable.retryAfter().orElse(null));
        }
        if (failure instanceof ChatStreamException stream) {
            return upstream("t3chat_stream_error", "t3.chat reported an error during the reply: "
                    + stream.serverMessage(), null);
        }
        if (failure instanceof StreamInterruptedException) {
            return upstream("t3chat_reply_cut_off", "The reply from t3.chat was cut off before it finished.", null);
        }
        if (failure instanceof UnexpectedResponseException || failure instanceof TransportException) {
            return upstream("t3chat_upstream_error", failure.getMessage(), null);
        }
        if (failure instanceof T3ChatException) {
            return new ApiErrorException(500, "server_error", null, null, failure.getMessage(), null);
        }
        return new ApiErrorException(500, "server_error", null, null,
                "The gateway failed unexpectedly (" + failure.getClass().getSimpleName() + ").", null);
    }

    /** 404 {@code model_not_found}, with the closest id when there is one. */
    static ApiErrorException unknownModel(String requested, String suggestion) {
        return new ApiErrorException(404, "invalid_request_error", "model_not_found", "model",
                "The model '" + requested + "' does not exist on t3.chat."
                        + (suggestion != null ? " Did you mean '" + suggestion + "'?" : "")
                        + " GET /v1/models lists the models.", null);
    }

    /** 502: t3.chat failed, not the caller. */
    private static ApiErrorException upstream(String code, String message, java.time.Duration retryAfter) {
        return new ApiErrorException(502, "upstream_error", code, null, message, retryAfter);
    }
}
