package io.github.t3chat4j.adapter.http.internal.trpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.HttpCall;
import io.github.t3chat4j.adapter.http.internal.HttpErrorMapper;
import io.github.t3chat4j.adapter.http.internal.HttpPipeline;
import io.github.t3chat4j.adapter.http.internal.OpenResponse;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.domain.session.Session;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Calls one tRPC query procedure of t3.chat ({@code GET /api/trpc/<procedure>?batch=1&input=…}) through
 * the pipeline and returns its value, already unwrapped from the batch, the result envelope and
 * superjson. Asks for the streamed JSON-lines answer when told to, and reads whichever format the server
 * chose. Statuses, retries and I/O failures are the pipeline's; a tRPC error inside a 2xx answer is
 * mapped like its status ({@code UNAUTHORIZED} → session expired); an answer of another shape (or over
 * {@value #MAX_ANSWER_BYTES} bytes) is an {@link UnexpectedResponseException} naming the procedure.
 * Thread-safe.
 */
final class TrpcClient {

    /** The largest answer read; account answers are a few kilobytes. */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final HttpPipeline pipeline;
    private final SiteRequests site;
    private final ObjectMapper mapper;

    TrpcClient(HttpPipeline pipeline, SiteRequests site, ObjectMapper mapper) {
        this.pipeline = requireNonNull(pipeline, "pipeline == null");
        this.site = requireNonNull(site, "site == null");
        this.mapper = requireNonNull(mapper, "mapper == null");
    }

    /**
     * The value {@code procedure} answered with for {@code input} (see {@link TrpcInput#encodeBatch}).
     *
     * @param streamed whether to ask for the JSON-lines answer ({@code trpc-accept: application/jsonl})
     */
    JsonNode query(String procedure, Session session, Object input, boolean streamed) {
        return answer(site.trpcQuery(procedure, TrpcInput.encodeBatch(input, mapper), streamed, session), procedure);
    }

    /** The value of the answer to {@code call}, a query of {@code procedure} built by {@link SiteRequests}. */
    JsonNode answer(HttpCall call, String procedure) {
        OpenResponse response = pipeline.open(call);
        String body = response.readBody(MAX_ANSWER_BYTES).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseThrow(() -> unexpectedShape(procedure, "the answer is larger than " + MAX_ANSWER_BYTES
                        + " bytes"));
        JsonNode envelope;
        try {
            envelope = envelope(body, call.header("trpc-accept").isPresent());
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
            throw HttpErrorMapper.forReportedError(call, status, json.path("message").asText(""));
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
}
