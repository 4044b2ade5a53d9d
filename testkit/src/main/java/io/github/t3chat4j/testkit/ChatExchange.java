package io.github.t3chat4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One chat request as a scenario sees it: the parsed body, and ways to answer. */
public final class ChatExchange {

    private final HttpExchange http;
    private final RecordedRequest request;
    private final JsonNode body;
    private final FakeT3Server server;
    private boolean answered;

    ChatExchange(HttpExchange http, RecordedRequest request, JsonNode body, FakeT3Server server) {
        this.http = http;
        this.request = request;
        this.body = body;
        this.server = server;
    }

    public RecordedRequest request() {
        return request;
    }

    /** The parsed JSON body (already checked to hold {@code messages}, {@code model} and the rest). */
    public JsonNode body() {
        return body;
    }

    public FakeT3Server server() {
        return server;
    }

    /** How many messages the request carried: the history the client sent. */
    public int messageCount() {
        return body.path("messages").size();
    }

    /** The text parts of the last user message, joined. */
    public String lastUserText() {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if ("user".equals(m.path("role").asText())) {
                StringBuilder text = new StringBuilder();
                m.path("parts").forEach(p -> text.append(p.path("text").asText("")));
                return text.toString();
            }
        }
        return "";
    }

    /** The {@code responseMessageId} the client chose. */
    /** The system prompt the client sent (t3.chat carries it as {@code preferences.additionalInfo}). */
    public String systemPrompt() {
        return body.path("preferences").path("additionalInfo").asText("");
    }

    public String responseMessageId() {
        return body.path("responseMessageId").asText("");
    }

    /** Starts a {@code text/event-stream} answer (UI message stream v1 headers), chunked. */
    public EventStreamWriter startEventStream() throws IOException {
        http.getResponseHeaders().set("content-type", "text/event-stream");
        http.getResponseHeaders().set("cache-control", "no-cache");
        http.getResponseHeaders().set("x-vercel-ai-ui-message-stream", "v1");
        http.getResponseHeaders().set("x-accel-buffering", "no");
        return startBody(200);
    }

    /** Starts a {@code text/plain} answer in the older data-stream format, chunked. */
    public EventStreamWriter startDataStream() throws IOException {
        http.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
        http.getResponseHeaders().set("x-vercel-ai-data-stream", "v1");
        return startBody(200);
    }

    /** Sets a response header; call before starting the body. */
    public ChatExchange header(String name, String value) {
        http.getResponseHeaders().add(name, value);
        return this;
    }

    /** Answers with a status and a JSON body. */
    public void json(int status, String json) throws IOException {
        fixed(status, "application/json", json);
    }

    /** Answers with a status, a content type and a body of known length. */
    public void fixed(int status, String contentType, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("content-type", contentType);
        answered = true;
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    private EventStreamWriter startBody(int status) throws IOException {
        answered = true;
        http.sendResponseHeaders(status, 0);
        return new EventStreamWriter(http.getResponseBody());
    }

    boolean answered() {
        return answered;
    }

    /** Splits {@code text} into about {@code parts} pieces, never inside a surrogate pair. */
    public static List<String> split(String text, int parts) {
        List<String> pieces = new ArrayList<>();
        int size = Math.max(1, (int) Math.ceil(text.length() / (double) Math.max(1, parts)));
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + size);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
