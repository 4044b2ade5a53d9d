package io.github.t3chat4j.adapter.http.internal.trpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.http.internal.Redactor;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.domain.session.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Calls one tRPC query procedure of t3.chat ({@code GET /api/trpc/<procedure>?batch=1&input=…}) and
 * returns its value, already unwrapped from the batch, the result envelope and superjson. Asks for
 * the streamed JSON-lines answer when told to, and reads whichever format the server chose.
 *
 * <p>Errors: 401/403 (or a tRPC {@code UNAUTHORIZED}/{@code FORBIDDEN} error) →
 * {@link SessionExpiredException}; a 403 challenge page → {@link BlockedByBotProtectionException};
 * 429 → {@link RateLimitedException}; 5xx → {@link ServiceUnavailableException}; an answer of any
 * other status or shape → {@link UnexpectedResponseException} naming the procedure; an IO failure →
 * {@link TransportException}. Messages never hold the cookie. Thread-safe.
 */
final class TrpcClient {

    /** The largest answer read; account answers are a few kilobytes. */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final HttpConfig config;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper;

    TrpcClient(HttpConfig config, CloseableHttpClient http, ObjectMapper mapper) {
        this.config = requireNonNull(config, "config == null");
        this.http = requireNonNull(http, "http == null");
        this.mapper = requireNonNull(mapper, "mapper == null");
    }

    /**
     * The value {@code procedure} answered with for {@code input} (see {@link TrpcInput#encodeBatch}).
     *
     * @param streamed whether to ask for the JSON-lines answer ({@code trpc-accept: application/jsonl})
     */
    JsonNode query(String procedure, Session session, Object input, boolean streamed) {
        HttpGet request = new HttpGet(uri(procedure, input));
        request.setHeader("Cookie", session.cookies().headerValue());
        request.setHeader("x-trpc-source", "web-client");
        request.setHeader("Referer", config.baseUrl() + "/");
        request.setHeader("User-Agent", config.userAgent());
        request.setHeader("Accept", "*/*");
        request.setHeader("content-type", "application/json");
        if (streamed) {
            request.setHeader("trpc-accept", "application/jsonl");
            request.setHeader("x-trpc-batch", "true");
        }
        Answer answer;
        try {
            answer = http.execute(request, response -> read(response));
        } catch (IOException e) {
            throw new TransportException("Could not reach t3.chat for " + procedure + ": " + e.getMessage(), e);
        }
        return unwrap(procedure, answer, streamed, Redactor.of(session));
    }

    private URI uri(String procedure, Object input) {
        String encoded = URLEncoder.encode(TrpcInput.encodeBatch(input, mapper), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return URI.create(config.baseUrl() + "/api/trpc/" + procedure + "?batch=1&input=" + encoded);
    }

    private static Answer read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        String body = "";
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = readBounded(in);
            }
        }
        Header retryAfter = response.getFirstHeader("Retry-After");
        Header contentType = response.getFirstHeader("content-type");
        return new Answer(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue(),
                contentType == null ? "" : contentType.getValue());
    }

    private static String readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > MAX_ANSWER_BYTES) {
                throw new IOException("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonNode unwrap(String procedure, Answer answer, boolean streamed, Redactor redactor) {
        if (answer.status() / 100 != 2) {
            throw statusError(procedure, answer, redactor.scrub(errorMessage(answer)));
        }
        JsonNode envelope;
        try {
            envelope = envelope(answer.body(), streamed);
        } catch (TrpcFormatException e) {
            throw unexpectedShape(procedure, e.getMessage());
        }
        if (envelope.has("error")) {
            JsonNode error = envelope.get("error");
            JsonNode json = error.has("json") ? error.get("json") : error;
            int status = json.path("data").path("httpStatus").asInt(0);
            if (status == 0) {
                status = statusOfCode(json.path("data").path("code").asText(""));
            }
            throw statusError(procedure, new Answer(status, "", answer.retryAfter(), ""),
                    redactor.scrub(json.path("message").asText("")));
        }
        JsonNode data = envelope.path("result").path("data");
        if (data.isMissingNode()) {
            throw unexpectedShape(procedure, "no result.data in the answer");
        }
        return data.isObject() && data.has("json") && (data.size() == 1 || data.size() == 2 && data.has("meta"))
                ? data.get("json") : data;
    }

    /** The first batch entry, from either the JSON-lines or the plain format. */
    private JsonNode envelope(String body, boolean streamed) {
        String firstLine = body.strip().lines().findFirst().orElse("");
        if (streamed && JsonlBatchDecoder.isHead(firstLine, mapper)) {
            Map<String, JsonNode> batch = JsonlBatchDecoder.decode(body, mapper);
            JsonNode first = batch.get("0");
            if (first == null || !first.isObject()) {
                throw new TrpcFormatException("the stream holds no answer for batch entry 0");
            }
            return first;
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TrpcFormatException("the answer is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new TrpcFormatException("the answer is empty");
        }
        JsonNode first = root.isArray() && !root.isEmpty() ? root.get(0) : root;
        if (!first.isObject() || !(first.has("result") || first.has("error"))) {
            throw new TrpcFormatException("the answer holds neither a result nor an error");
        }
        return first;
    }

    private String errorMessage(Answer answer) {
        try {
            JsonNode root = mapper.readTree(answer.body());
            JsonNode first = root != null && root.isArray() && !root.isEmpty() ? root.get(0) : root;
            if (first != null) {
                String message = first.path("error").path("json").path("message").asText("");
                return message.isEmpty() ? first.path("error").path("message").asText("") : message;
            }
        } catch (JsonProcessingException e) {
            // Not a tRPC error envelope: the status alone tells the story.
        }
        return "";
    }

    private static T3ChatException statusError(String procedure, Answer answer, String serverMessage) {
        int status = answer.status();
        if (status == 401 || status == 403) {
            if (status == 403 && answer.contentType().toLowerCase(Locale.ROOT).contains("text/html")) {
                return new BlockedByBotProtectionException(status);
            }
            return SessionExpiredException.forStatus(status);
        }
        if (status == 429) {
            return new RateLimitedException(answer.retryAfterDuration());
        }
        if (status >= 500 && status <= 599) {
            return new ServiceUnavailableException(status, answer.retryAfterDuration());
        }
        return new UnexpectedResponseException(procedure + " failed (HTTP " + status + ")"
                + (serverMessage.isBlank() ? "" : ": " + shorten(serverMessage)) + ".", status);
    }

    private static int statusOfCode(String code) {
        switch (code) {
            case "UNAUTHORIZED":
                return 401;
            case "FORBIDDEN":
                return 403;
            case "TOO_MANY_REQUESTS":
                return 429;
            case "INTERNAL_SERVER_ERROR":
                return 500;
            default:
                return 400;
        }
    }

    static UnexpectedResponseException unexpectedShape(String procedure, String problem) {
        return new UnexpectedResponseException(procedure + " answered in an unexpected shape: " + problem + ".", 0);
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private record Answer(int status, String body, String retryAfter, String contentType) {

        /** {@code Retry-After} in seconds; an HTTP date or garbage counts as not given. */
        Duration retryAfterDuration() {
            if (retryAfter == null) {
                return null;
            }
            try {
                long seconds = Long.parseLong(retryAfter.strip());
                return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
