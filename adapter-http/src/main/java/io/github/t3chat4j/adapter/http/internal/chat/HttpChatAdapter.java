package io.github.t3chat4j.adapter.http.internal.chat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.HttpCall;
import io.github.t3chat4j.adapter.http.internal.HttpErrorMapper;
import io.github.t3chat4j.adapter.http.internal.HttpPipeline;
import io.github.t3chat4j.adapter.http.internal.OpenResponse;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.application.ChatRequest;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.ChatTransport;
import io.github.t3chat4j.application.error.ApiKeyRequiredException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code POST /api/chat} (PROTOCOL.md section 3) through the pipeline, returning the reply as a lazily
 * decoded {@link ChatStream}. The pipeline retries what failed before the stream is returned; nothing is
 * retried after. Thread-safe.
 */
public final class HttpChatAdapter implements ChatTransport {

    private final HttpPipeline pipeline;
    private final SiteRequests site;
    private final ObjectMapper json;
    private final ChatEventMapper mapper;
    private final StreamLimits limits;

    /** With the default deadlines and sizes. */
    public HttpChatAdapter(HttpPipeline pipeline, SiteRequests site, ObjectMapper json) {
        this(pipeline, site, json, StreamLimits.DEFAULTS);
    }

    public HttpChatAdapter(HttpPipeline pipeline, SiteRequests site, ObjectMapper json, StreamLimits limits) {
        this.pipeline = requireNonNull(pipeline, "pipeline == null");
        this.site = requireNonNull(site, "site == null");
        this.json = requireNonNull(json, "json == null");
        this.limits = requireNonNull(limits, "limits == null");
        this.mapper = new ChatEventMapper(json);
    }

    @Override
    public ChatStream open(ChatRequest request) {
        requireNonNull(request, "request == null");
        byte[] body;
        try {
            body = json.writeValueAsBytes(ChatRequestBodies.of(request, site.signals().hcaptchaToken()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write the chat request body", e);
        }
        // The total timeout runs from the first byte sent: the answer's head counts, and so do retries.
        long started = System.nanoTime();
        StreamLimits replyLimits = request.timeout().map(limits::withTotalTimeout).orElse(limits);
        HttpCall call = site.chat(request.threadId().value(), request.settings().locale(), request.session(), body)
                .within(replyLimits.totalTimeout());
        if (request.maxRetries().isPresent()) {
            call = call.withMaxRetries(request.maxRetries().getAsInt());
        }
        OpenResponse response;
        try {
            response = pipeline.open(call);
        } catch (ApiKeyRequiredException unnamed) {
            throw keyRequired(request);
        }
        String contentType = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.contains("text/html")) {
            // A page is no reply stream (a login or maintenance page served with 200): say so, not "cut off".
            response.abort();
            response.close();
            throw new UnexpectedResponseException(call.description() + " answered with an HTML page (HTTP 200) instead"
                    + " of a reply stream: t3.chat may be down for maintenance, or want you to sign in again in the"
                    + " browser.", 200);
        }
        return new KeyAwareStream(new HttpChatStream(response, mapper, call.description(), replyLimits, started),
                request);
    }

    private static ApiKeyRequiredException keyRequired(ChatRequest request) {
        return new ApiKeyRequiredException(request.model().value(), request.settings().reasoningEffort().wireValue());
    }

    /**
     * A reply whose first word is an error event saying {@code api_key_required} (the way t3.chat may refuse
     * inside a stream): that is the refusal, not a reply that failed.
     */
    private static final class KeyAwareStream implements ChatStream {
        private final ChatStream stream;
        private final ChatRequest request;
        private boolean content;

        KeyAwareStream(ChatStream stream, ChatRequest request) {
            this.stream = stream;
            this.request = request;
        }

        @Override
        public Stream<ChatEvent> events() {
            return stream.events().peek(event -> {
                if (event instanceof ChatEvent.StreamError error && !content
                        && error.message().contains(HttpErrorMapper.API_KEY_REQUIRED)) {
                    throw keyRequired(request);
                }
                content |= event instanceof ChatEvent.TextDelta || event instanceof ChatEvent.ReasoningDelta
                        || event instanceof ChatEvent.ImageGenerated;
            });
        }

        @Override
        public boolean ready() {
            return stream.ready();
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    @Override
    public String toString() {
        return "HttpChatAdapter[" + site.baseUrl() + "]";
    }
}
