package io.github.t3chat4j.adapter.mcp;

import io.github.t3chat4j.application.error.ConversationBusyException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.T3ChatException;
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

    private static final String LOGIN = "Ask the user to sign in again in a terminal with `t3 login --from-browser"
            + " firefox` (or chrome; or `t3 login` to paste the cookie), then call this tool again.";

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
        if (!(failure instanceof T3ChatException t3)) {
            return "t3 failed unexpectedly (" + failure.getClass().getSimpleName() + "): " + failure.getMessage();
        }
        if (failure instanceof SessionExpiredException) {
            return "The t3.chat session has expired or was signed out (" + t3.detail() + "). " + LOGIN;
        }
        if (failure instanceof RateLimitedException limited) {
            return "t3.chat is rate limiting this account. " + retry(limited.retryAfter()) + " Do not retry at once:"
                    + " every retry counts against the limit.";
        }
        if (failure instanceof ServiceUnavailableException unavailable) {
            return "t3.chat is unavailable right now (" + t3.detail() + "). " + retry(unavailable.retryAfter());
        }
        if (failure instanceof UnknownModelException unknown) {
            return "Unknown model '" + unknown.requestedId() + "'. " + nearest(unknown.requestedId())
                    + " Call list_models for every model id with its abilities.";
        }
        if (failure instanceof ConversationBusyException) {
            return t3.detail() + " Retry once the other `t3` has finished with that conversation.";
        }
        return t3.detail() + t3.remedy().map(remedy -> " " + advice(remedy)).orElse("");
    }

    /** What to do, as a host's model can do it or tell its user (the library names its own API instead). */
    static String advice(Remedy remedy) {
        return switch (remedy) {
            case NEW_CREDENTIALS, CREDENTIALS, OTHER_BROWSER -> LOGIN;
            case BROWSER_CHECK -> "The user can run `t3 doctor` in a terminal to find a way through (such as starting"
                    + " t3 mcp with --transport browser); retrying at once will not help.";
            case CONFIRM_SESSION -> "Ask the user to open https://t3.chat in their browser, send one message there"
                    + " (solving the captcha if asked), then run `t3 login --from-browser firefox` (or chrome) again.";
            case OWN_KEY -> "Call the tool again with reasoning_effort 'low', or with another model.";
            case CONNECT_TIMEOUT, FIRST_BYTE_TIMEOUT -> "Retry in a minute; if it keeps failing, the user can run"
                    + " `t3 doctor` in a terminal.";
            case IDLE_TIMEOUT, TOTAL_TIMEOUT -> "What arrived is kept in the conversation; retry, or ask for less."
                    + " The user can allow longer when starting t3 mcp (--idle-timeout, --timeout).";
            case MAX_REPLY_SIZE -> "Ask for a shorter answer; the user can raise the limit when starting t3 mcp"
                    + " (--max-reply-size).";
            case CURL_PROGRAM -> "t3 is set to send through curl, which cannot run here: the user can run `t3 doctor`.";
            case MODEL_ID -> "Call list_models for every model id.";
            case GATEWAY_KEY -> "Use a key of at least 24 characters.";
            case GATEWAY_PORT -> "Start t3 mcp --http with another --port, or stop what uses this one.";
        };
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
