package io.github.t3chat4j.adapter.http.internal.browser;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Chrome DevTools Protocol connection over a pipe, as {@code --remote-debugging-pipe} speaks it: each
 * message is one JSON object followed by a NUL byte, commands carry an {@code id} that their answer
 * repeats, and events carry a {@code method}. Commands to a page go with the {@code sessionId} of a
 * flattened target session. A daemon thread reads; answers complete the futures of {@link #send}, and
 * events go to the listeners of {@link #on}, on that thread (so listeners must not block). Thread-safe.
 * Nothing sent or received is logged.
 */
public final class CdpConnection implements AutoCloseable {

    /** The largest message read; a chunk of a reply is far smaller, and a browser sends nothing bigger. */
    static final int MAX_MESSAGE = 64 * 1024 * 1024;

    /** Receives the events of one method: the session they came from (null for the browser's) and their parameters. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(String sessionId, JsonNode params);
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final InputStream in;
    private final OutputStream out;
    private final ObjectMapper json;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();
    private final int maxMessage;
    private volatile IOException closedBecause;

    private CdpConnection(InputStream in, OutputStream out, ObjectMapper json, int maxMessage) {
        this.in = in;
        this.out = out;
        this.json = json;
        this.maxMessage = maxMessage;
    }

    /** Starts reading {@code in} on a daemon thread; commands are written to {@code out}. */
    public static CdpConnection open(InputStream in, OutputStream out, ObjectMapper json) {
        return open(in, out, json, MAX_MESSAGE);
    }

    /** With messages of at most {@code maxMessage} bytes. */
    static CdpConnection open(InputStream in, OutputStream out, ObjectMapper json, int maxMessage) {
        CdpConnection connection = new CdpConnection(requireNonNull(in, "in == null"), requireNonNull(out, "out == null"),
                requireNonNull(json, "json == null"), maxMessage);
        Thread reader = new Thread(connection::readLoop, "t3chat4j-cdp-" + THREADS.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
        return connection;
    }

    /** A fresh parameter object. */
    public ObjectNode params() {
        return json.createObjectNode();
    }

    /** Calls {@code listener} with every event called {@code method}, from now on. */
    public void on(String method, Listener listener) {
        listeners.computeIfAbsent(requireNonNull(method, "method == null"), m -> new CopyOnWriteArrayList<>())
                .add(requireNonNull(listener, "listener == null"));
    }

    /** Runs {@code listener} once the connection has ended, however it ended (at once if it has). */
    public void onClose(Runnable listener) {
        closeListeners.add(requireNonNull(listener, "listener == null"));
        if (closedBecause != null && closeListeners.remove(listener)) {
            listener.run();
        }
    }

    /**
     * Sends a command without waiting for its answer.
     *
     * @param sessionId the target session, or null for the browser
     * @return the command's result, or a failure with a {@link CdpException}
     */
    public CompletableFuture<JsonNode> send(String sessionId, String method, ObjectNode params) {
        requireNonNull(method, "method == null");
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        IOException closed = closedBecause;
        if (closed != null) {
            answer.completeExceptionally(closed);
            return answer;
        }
        pending.put(id, answer);
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? json.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        try {
            byte[] bytes = json.writeValueAsBytes(message);
            synchronized (writeLock) {
                out.write(bytes);
                out.write(0);
                out.flush();
            }
        } catch (IOException e) {
            pending.remove(id);
            answer.completeExceptionally(new CdpException("The browser's pipe broke while sending " + method + ".", e));
            ended(new CdpException("The browser's pipe broke.", e));
        }
        if (closedBecause != null && pending.remove(id) != null) {
            answer.completeExceptionally(closedBecause);
        }
        return answer;
    }

    /**
     * Sends a command and waits at most {@code timeout} for its result.
     *
     * @throws CdpException when the browser answers with an error or the connection ends
     * @throws SocketTimeoutException when no answer came in time
     */
    public JsonNode call(String sessionId, String method, ObjectNode params, Duration timeout) throws IOException {
        return await(send(sessionId, method, params), method, timeout);
    }

    /** The result of {@code answer}, waiting at most {@code timeout}. */
    public static JsonNode await(CompletableFuture<JsonNode> answer, String what, Duration timeout) throws IOException {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new CdpException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new SocketTimeoutException("The browser did not answer " + what + " within " + timeout.toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            answer.cancel(false);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the browser");
        }
    }

    /** Whether the connection still works. */
    public boolean isOpen() {
        return closedBecause == null;
    }

    /** Stops the connection: pending commands fail, and closing the pipe ends a browser started with it. */
    @Override
    public void close() {
        ended(new CdpException("The connection to the browser was closed."));
        try {
            out.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    private void readLoop() {
        ByteArrayOutputStream message = new ByteArrayOutputStream(4096);
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) {
                        message.write(buffer, start, i - start);
                        dispatch(message.toByteArray());
                        message.reset();
                        start = i + 1;
                    }
                }
                message.write(buffer, start, n - start);
                if (message.size() > maxMessage) {
                    throw new CdpException("The browser sent a message over " + maxMessage + " bytes.");
                }
            }
            ended(new CdpException("The browser closed its end of the pipe (it exited)."));
        } catch (IOException e) {
            ended(e instanceof CdpException cdp ? cdp : new CdpException("Reading from the browser failed.", e));
        }
    }

    private void dispatch(byte[] bytes) {
        JsonNode message;
        try {
            message = json.readTree(bytes);
        } catch (IOException garbled) {
            return;
        }
        if (message == null || !message.isObject()) {
            return;
        }
        JsonNode id = message.get("id");
        if (id != null && id.canConvertToLong()) {
            CompletableFuture<JsonNode> answer = pending.remove(id.asLong());
            if (answer == null) {
                return;
            }
            JsonNode error = message.get("error");
            if (error != null) {
                answer.completeExceptionally(new CdpException(error.path("message").asText("an error")
                        + (error.hasNonNull("data") ? " (" + error.get("data").asText() + ")" : "")));
            } else {
                answer.complete(message.path("result"));
            }
            return;
        }
        String method = message.path("method").asText("");
        List<Listener> interested = listeners.get(method);
        if (interested != null) {
            String sessionId = message.hasNonNull("sessionId") ? message.get("sessionId").asText() : null;
            JsonNode params = message.path("params");
            for (Listener listener : interested) {
                try {
                    listener.onEvent(sessionId, params);
                } catch (RuntimeException e) {
                    // One listener's bug must not stop the others, nor the reading.
                }
            }
        }
    }

    private void ended(IOException why) {
        synchronized (this) {
            if (closedBecause != null) {
                return;
            }
            closedBecause = why;
        }
        pending.values().forEach(answer -> answer.completeExceptionally(why));
        pending.clear();
        for (Runnable listener : closeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // The others still run.
            }
        }
        closeListeners.clear();
    }

    @Override
    public String toString() {
        return "CdpConnection[" + (isOpen() ? "open" : "closed") + "]";
    }
}
