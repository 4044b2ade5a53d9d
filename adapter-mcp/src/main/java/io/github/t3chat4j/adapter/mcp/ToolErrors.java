package io.github.t3chat4j.adapter.mcp;

import io.github.t3chat4j.application.error.ApiKeyRequiredException;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.CaptchaRequiredException;
import io.github.t3chat4j.application.error.ConversationBusyException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnknownModelException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every failure of a tool as the host's model should read it: a tool result with {@code isError} and one
 * message saying what happened and what to do (run {@code t3 login}, retry at a time, pick one of the
 * nearest models), never a protocol error or a crash. Secrets are blanked out of every message.
 */
final class ToolErrors {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Secrets secrets;
    private final Function<String, List<String>> nearest;
    private final Clock clock;

    /** {@code nearest} names the catalogue ids nearest to a model id that is not in it, nearest first. */
    ToolErrors(Secrets secrets, Function<String, List<String>> nearest, Clock clock) {
        this.secrets = secrets;
        this.nearest = nearest;
        this.clock = clock;
    }

    /** A tool error saying {@code message} (a bad argument, say). */
    CallToolResult error(String message) {
        return CallToolResult.builder().content(List.of(new TextContent(secrets.redact(message)))).isError(true).build();
    }

    /** The tool error for {@code failure}. */
    CallToolResult of(RuntimeException failure) {
        return error(message(failure));
    }

    String message(RuntimeException failure) {
        if (failure instanceof SessionExpiredException) {
            return "The t3.chat session has expired or was signed out (" + failure.getMessage() + "). Ask the user to"
                    + " sign in again in a terminal with `t3 login --from-browser firefox` (or chrome, or `t3 login`"
                    + " to paste the cookie), then call this tool again. Nothing was sent.";
        }
        if (failure instanceof RateLimitedException limited) {
            return "t3.chat is rate limiting this account. " + retry(limited.retryAfter()) + " Do not retry at once:"
                    + " every retry counts against the limit.";
        }
        if (failure instanceof ServiceUnavailableException unavailable) {
            return "t3.chat is unavailable right now (" + failure.getMessage() + "). " + retry(unavailable.retryAfter());
        }
        if (failure instanceof UnknownModelException unknown) {
            return "Unknown model '" + unknown.requestedId() + "'. " + nearest(unknown.requestedId())
                    + " Call list_models for every model id with its abilities.";
        }
        if (failure instanceof ApiKeyRequiredException) {
            return failure.getMessage() + " Call the tool again with reasoning_effort 'low', or with another model.";
        }
        if (failure instanceof BlockedByBotProtectionException || failure instanceof CaptchaRequiredException) {
            return failure.getMessage() + " The user can run `t3 doctor` in a terminal to find a way through;"
                    + " retrying at once will not help.";
        }
        if (failure instanceof ConversationBusyException) {
            return failure.getMessage() + " Retry once the other `t3` has finished with that conversation.";
        }
        if (failure instanceof TransportException) {
            return "t3.chat could not be reached (" + failure.getMessage() + "). Retry in a minute; if it keeps"
                    + " failing, the user can run `t3 doctor` in a terminal.";
        }
        if (failure instanceof InvalidInputException || failure instanceof StorageException) {
            return failure.getMessage();
        }
        if (failure instanceof T3ChatException) {
            return "t3.chat failed: " + failure.getMessage();
        }
        return "t3 failed unexpectedly (" + failure.getClass().getSimpleName() + "): " + failure.getMessage();
    }

    private String retry(Optional<Duration> after) {
        if (after.isEmpty()) {
            return "Retry in about a minute.";
        }
        long seconds = Math.max(1, after.get().toSeconds());
        return "Retry in " + seconds + " s (at " + TIME.format(clock.instant().plusSeconds(seconds)) + ").";
    }

    private String nearest(String requested) {
        List<String> nearest;
        try {
            nearest = this.nearest.apply(requested);
        } catch (RuntimeException catalogueUnavailable) {
            return "The catalogue could not be read to suggest another.";
        }
        return nearest.isEmpty() ? "" : "The nearest model ids: " + String.join(", ", nearest) + ".";
    }
}
