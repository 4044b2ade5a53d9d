package io.github.t3chat4j.adapter.http.internal.chat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.http.internal.BrowserHeaders;
import io.github.t3chat4j.adapter.http.internal.HttpTransport;
import io.github.t3chat4j.adapter.http.internal.Redactor;
import io.github.t3chat4j.application.port.out.ChatRequest;
import io.github.t3chat4j.application.port.out.ChatStream;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * {@code POST /api/chat} (PROTOCOL.md section 3) over HttpClient 5, returning the reply as a lazily
 * decoded {@link ChatStream}. Retries 429/502/503/504 and unsent requests before the stream is returned,
 * never after. Origin and Referer derive from the base URL (see {@link BrowserHeaders}). Thread-safe.
 */
public final class HttpChatAdapter implements StreamChatPort {

    public static final String PATH = "/api/chat";
    private static final String DESCRIPTION = "POST " + PATH;

    private final HttpTransport transport;
    private final HttpConfig config;
    private final ObjectMapper json;
    private final ChatEventMapper mapper;

    public HttpChatAdapter(HttpTransport transport, HttpConfig config, ObjectMapper json) {
        this.transport = requireNonNull(transport, "transport == null");
        this.config = requireNonNull(config, "config == null");
        this.json = requireNonNull(json, "json == null");
        this.mapper = new ChatEventMapper(json);
    }

    @Override
    public ChatStream open(ChatRequest request) {
        requireNonNull(request, "request == null");
        byte[] body;
        try {
            body = json.writeValueAsBytes(ChatRequestBodies.of(request));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write the chat request body", e);
        }
        Redactor redactor = Redactor.of(request.session());
        HttpTransport.Exchange exchange = transport.open(() -> post(request, body), DESCRIPTION, redactor);
        return new HttpChatStream(exchange, mapper, DESCRIPTION, BrowserHeaders.origin(config.baseUrl()), redactor);
    }

    private HttpPost post(ChatRequest request, byte[] body) {
        URI base = config.baseUrl();
        HttpPost post = new HttpPost(URI.create(base + PATH));
        BrowserHeaders.common(post, config, request.settings().locale());
        post.setHeader("Accept", "*/*");
        post.setHeader("Origin", BrowserHeaders.origin(base));
        post.setHeader("Referer", base + "/chat/" + request.threadId().value());
        BrowserHeaders.sameOriginFetch(post);
        post.setHeader("Cookie", request.session().cookies().headerValue());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return post;
    }
}
