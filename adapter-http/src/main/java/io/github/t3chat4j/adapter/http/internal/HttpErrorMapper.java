package io.github.t3chat4j.adapter.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.engine.RequestNotSentException;
import io.github.t3chat4j.application.error.ApiKeyRequiredException;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.CaptchaRequiredException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where HTTP statuses and I/O failures become the application's exceptions:
 *
 * <pre>
 * 4xx saying captcha_failed    CaptchaRequiredException
 * 4xx saying api_key_required  ApiKeyRequiredException
 * 401                         SessionExpiredException
 * 403 with JSON (or no HTML)  SessionExpiredException
 * 403 with an HTML page       BlockedByBotProtectionException (a bot challenge)
 * 429                         RateLimitedException (with Retry-After)
 * 5xx                         ServiceUnavailableException (with Retry-After)
 * anything else non-2xx       UnexpectedResponseException (request, status, the server's short message)
 * IOException                 TransportException (what to check)
 * </pre>
 *
 * Messages never hold request headers; server text is shortened and scrubbed of secrets. The
 * pipeline uses it for every answer; the tRPC client also for an error reported inside a 2xx answer.
 */
public final class HttpErrorMapper {

    static final int MAX_SERVER_MESSAGE = 200;
    /** What t3.chat answers when the session's captcha was not passed (PROTOCOL.md section 9). */
    public static final String CAPTCHA_FAILED = "captcha_failed";
    /** What t3.chat answers when a model and effort need the user's own provider key (section 9). */
    public static final String API_KEY_REQUIRED = "api_key_required";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    private HttpErrorMapper() {
    }

    /**
     * The exception for a non-2xx answer.
     *
     * @param request what was asked, such as {@code "POST /api/chat"} (no query, no secrets)
     * @param contentType the response's content type, or empty
     * @param body the start of the response body (may be empty)
     */
    static T3ChatException forStatus(String request, int status, String contentType, String body,
            Optional<Duration> retryAfter, Redactor redactor) {
        // The app's own refusals come first: a 403 that says api_key_required is no expired session.
        if (status >= 400 && status <= 499 && body.contains(CAPTCHA_FAILED)) {
            return new CaptchaRequiredException(status);
        }
        if (status >= 400 && status <= 499 && body.contains(API_KEY_REQUIRED)) {
            return new ApiKeyRequiredException();
        }
        if (status == 401) {
            return SessionExpiredException.forStatus(status);
        }
        if (status == 403) {
            return looksLikeHtml(contentType, body)
                    ? new BlockedByBotProtectionException(status)
                    : SessionExpiredException.forStatus(status);
        }
        if (status == 429) {
            return new RateLimitedException(retryAfter.orElse(null));
        }
        if (status >= 500 && status <= 599) {
            return new ServiceUnavailableException(status, retryAfter.orElse(null));
        }
        String message = serverMessage(contentType, body, redactor);
        return new UnexpectedResponseException(request + " answered HTTP " + status
                + (message.isEmpty() ? "" : ": " + message)
                + ". t3.chat may have changed its API; check for a newer t3chat4j.", status);
    }

    /**
     * The exception for an error the server reported with {@code status} inside an answer (a tRPC error
     * in a 2xx body): mapped like that status, with {@code message} as the server's explanation.
     */
    public static T3ChatException forReportedError(HttpCall call, int status, String message) {
        return forStatus(call.description(), status, "text/plain", message, Optional.empty(), call.redactor());
    }

    /** The exception for an exchange whose answer did not even begin within its total deadline. */
    static TransportException forTotalTimeout(String request, String target, Duration total, IOException failure) {
        return new TransportException(request + " to " + target + " timed out: no answer within " + seconds(total)
                + " in all (the total timeout).", Remedy.TOTAL_TIMEOUT, failure);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The exception for a failed exchange; {@code target} names the host, never a header. */
    static TransportException forIo(String request, String target, IOException failure, Redactor redactor) {
        boolean noConnection = failure instanceof RequestNotSentException notSent && notSent.noConnection();
        IOException e = failure instanceof RequestNotSentException notSent ? notSent.getCause() : failure;
        String reason = redactor.scrub(e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (noConnection || e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException) {
            return new TransportException("Could not connect to " + target + " for " + request + " (" + reason
                    + ").", Remedy.CONNECT_TIMEOUT, e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new TransportException(request + " to " + target + " timed out (" + reason + "): the answer did"
                    + " not begin, or stopped, within the first-byte timeout.", Remedy.FIRST_BYTE_TIMEOUT, e);
        }
        return new TransportException(request + " to " + target + " failed: the connection broke (" + reason
                + "). Check your network connection and try again.", e);
    }

    static boolean looksLikeHtml(String contentType, String body) {
        if (contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String start = body.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** The server's own short explanation: a JSON {@code error}/{@code message}, an HTML title, or the text. */
    static String serverMessage(String contentType, String body, Redactor redactor) {
        String text = body.strip();
        if (text.isEmpty()) {
            return "";
        }
        String message = null;
        if (text.startsWith("{") || text.startsWith("[")) {
            message = jsonMessage(text);
        }
        if (message == null && looksLikeHtml(contentType, text)) {
            Matcher title = TITLE.matcher(text);
            message = title.find() ? title.group(1) : "an HTML page";
        }
        if (message == null) {
            message = text;
        }
        String oneLine = redactor.scrub(message.replaceAll("\\s+", " ").strip());
        return oneLine.length() <= MAX_SERVER_MESSAGE ? oneLine : oneLine.substring(0, MAX_SERVER_MESSAGE) + "…";
    }

    private static String jsonMessage(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isArray() && node.size() > 0) {
                node = node.get(0);
            }
            if (node == null || !node.isObject()) {
                return null;
            }
            for (String field : new String[] {"error", "message", "errorText", "detail"}) {
                JsonNode value = node.get(field);
                if (value != null && value.isTextual()) {
                    return value.asText();
                }
                if (value != null && value.isObject() && value.path("message").isTextual()) {
                    return value.path("message").asText();
                }
                if (value != null && value.isObject() && value.path("json").path("message").isTextual()) {
                    return value.path("json").path("message").asText();
                }
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
