package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * One request to the gateway and its answer: reads the JSON body under a size cap, and writes a JSON
 * answer, an error, or an event stream whose every event is flushed on its own with a blocking write
 * (so a slow client slows the reply down instead of filling memory). Holds the reply it serves, which a
 * client that goes away or a shutdown closes (cancelling it at t3.chat). One thread at a time, but for
 * {@link #clientGone()} and {@link #shutDown()}.
 */
final class Exchange {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final boolean anthropic;
    private AutoCloseable reply;
    private boolean cancelled;
    private volatile boolean clientGone;
    private volatile boolean shuttingDown;
    private boolean streaming;
    private volatile boolean completed;
    private volatile boolean ending;
    private boolean bodyRead;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.anthropic = AnthropicErrors.speaks(request);
    }

    /** Whether an Anthropic client sent the request: its errors then take Anthropic's shape ({@link AnthropicErrors}). */
    boolean speaksAnthropic() {
        return anthropic;
    }

    Request request() {
        return request;
    }

    String method() {
        return request.getMethod();
    }

    /**
     * Serves {@code value}: closing it is how a client that went away, or a shutdown, cancels it (from
     * Jetty's thread or the shutdown's, so it must not wait: {@code ReplyStream::cancel}).
     */
    void serve(AutoCloseable value) {
        boolean closeNow;
        synchronized (this) {
            reply = value;
            closeNow = cancelled;
        }
        if (closeNow) {
            closeQuietly(value);
        }
    }

    private void cancel() {
        AutoCloseable current;
        synchronized (this) {
            cancelled = true;
            current = reply;
        }
        if (current != null) {
            closeQuietly(current);
        }
    }

    private static void closeQuietly(AutoCloseable value) {
        try {
            value.close();
        } catch (Exception e) {
            // The reply is being abandoned; what closing it says changes nothing for the client.
        }
    }

    /** The client went away (a write failed, or the connection failed): stop the reply, write nothing more. */
    void clientGone() {
        clientGone = true;
        cancel();
    }

    boolean isClientGone() {
        return clientGone;
    }

    /** The gateway is stopping: cut the reply short; the endpoint ends it with an error. */
    void shutDown() {
        shuttingDown = true;
        cancel();
    }

    boolean isShuttingDown() {
        return shuttingDown;
    }

    boolean isStreaming() {
        return streaming;
    }

    boolean isCompleted() {
        return completed;
    }

    /**
     * The request body as JSON, at most {@code maxBytes} long.
     *
     * @throws ApiErrorException 413 when it is longer, 400 when it is not a JSON object
     */
    JsonNode readJsonObject(long maxBytes) {
        long declared = request.getLength();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            clientGone();
            throw new ApiErrorException(400, "invalid_request_error", null, null,
                    "The request body could not be read.", null);
        }
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        bodyRead = true;
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiErrorException.badRequest(null, "The request body is not valid JSON: "
                    + firstLine(e.getMessage()));
        }
        if (json == null || !json.isObject()) {
            throw ApiErrorException.badRequest(null, "The request body must be a JSON object.");
        }
        return json;
    }

    private static ApiErrorException tooLarge(long maxBytes) {
        return new ApiErrorException(413, "invalid_request_error", "request_too_large", null,
                "The request body is larger than the gateway's limit of " + maxBytes + " bytes.", null);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * From now on, notices at once a client that closes its connection while its answer is being made,
     * even while t3.chat sends nothing and so nothing is written: the reply is then cancelled (see
     * {@link #clientGone()}). Jetty reads nothing from an HTTP/1.1 connection while a request is handled,
     * so this asks the connection's end point to say when it can be read, which is when the client closed
     * it (or sent more: then the connection is not used again). The answer says {@code Connection: close},
     * as the connection ends with it. Call once the request body has been read.
     */
    void watchForDeparture() {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        endPoint.tryFillInterested(new Callback() {
            @Override
            public void succeeded() {
                ByteBuffer buffer = BufferUtil.allocate(256);
                try {
                    int read = endPoint.fill(buffer);
                    if (read < 0) {
                        departed();
                    } else if (!completed) {
                        endPoint.tryFillInterested(this);
                    }
                } catch (IOException | RuntimeException broken) {
                    departed();
                }
            }

            @Override
            public void failed(Throwable failure) {
                departed();
            }

            /** After the answer is complete, Jetty closes the connection itself: that is no departure. */
            private void departed() {
                if (!completed && !ending) {
                    clientGone();
                }
            }
        });
    }

    /**
     * Answers {@code status} with {@code body} as JSON and completes the exchange. An answer given before
     * the request's body was read (a wrong key, an unknown path) says {@code Connection: close}: Jetty
     * cannot reuse a connection whose body it has not all received, and a client that was not told would
     * send its next request into the closed connection.
     */
    void json(int status, JsonNode body) {
        if (!bodyRead && (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        completed = true;
        byte[] bytes = write(body).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (method().equals("HEAD")) {
            // The headers of the GET, without its body (RFC 9110, section 9.3.2).
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /**
     * Answers with the error: its status, {@code Retry-After} when known, and the OpenAI error body (or
     * Anthropic's, for an Anthropic client).
     */
    void error(ApiErrorException error) {
        error.retryAfter().ifPresent(wait ->
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
        error.allow().ifPresent(methods -> response.getHeaders().put(HttpHeader.ALLOW, methods));
        json(status(error), anthropic ? AnthropicErrors.body(error) : error.body());
    }

    /** The status {@link #error} answers {@code error} with. */
    int status(ApiErrorException error) {
        return anthropic ? AnthropicErrors.status(error) : error.status();
    }

    /** Writes the error as the last event of a stream: OpenAI's {@code data:} event, or Anthropic's {@code error} event. */
    void errorEvent(ApiErrorException error) {
        if (anthropic) {
            event("error", AnthropicErrors.body(error));
        } else {
            event(error.body());
        }
    }

    /** Starts a 200 {@code text/event-stream} answer; nothing is written until the first event. */
    void startEventStream() {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        // Chunked even on a connection that closes after it (see watchForDeparture): the end of the stream is
        // then its last chunk, not the close, which a client could not tell from a cut.
        response.getHeaders().put(HttpHeader.TRANSFER_ENCODING, "chunked");
        streaming = true;
    }

    /**
     * Writes one {@code data:} event and flushes it, blocking until the client took it. A failed write
     * means the client went away: the reply is cancelled and nothing more is written.
     */
    void event(String data) {
        if (clientGone) {
            return;
        }
        try {
            Content.Sink.write(response, false, ByteBuffer.wrap(("data: " + data + "\n\n")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            clientGone();
        }
    }

    /** Writes one JSON event. */
    void event(JsonNode data) {
        event(write(data));
    }

    /** Writes one event with a name ({@code event: <name>}) and JSON data, and flushes it, like {@link #event(String)}. */
    void event(String name, JsonNode data) {
        if (clientGone) {
            return;
        }
        try {
            Content.Sink.write(response, false, ByteBuffer.wrap(("event: " + name + "\ndata: " + write(data) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            clientGone();
        }
    }

    /**
     * The stream's last event follows: a client that closes its connection from now on has had the whole
     * answer (Codex CLI and Claude Code close as soon as they read it, before the stream's end is
     * written), so that is no departure.
     */
    void ending() {
        ending = true;
    }

    /** Ends the event stream (after {@code data: [DONE]} or an error event) and completes the exchange. */
    void endEventStream() {
        completed = true;
        if (clientGone) {
            callback.failed(new IOException("The client went away."));
            return;
        }
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree failed to serialise", e);
        }
    }
}
