package io.github.t3chat4j.adapter.mcp;

import io.github.t3chat4j.adapter.listener.GuardedServer;
import io.github.t3chat4j.adapter.listener.KeyCheck;
import io.github.t3chat4j.adapter.listener.ListenRules;
import io.github.t3chat4j.adapter.listener.Refusal;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code t3 mcp --http}: the MCP server on the protocol's streamable HTTP transport (the SDK's servlet, at
 * {@code /mcp}), behind the guards every listener of {@code t3} has ({@link GuardedServer}: connection limit,
 * request-head deadline, the names and web origins allowed) and the key ({@link KeyCheck}). A filter in
 * front of the servlet registers each {@code tools/call} by session and request id, so that a host's
 * {@code notifications/cancelled} cancels it (the SDK routes none). One access-log line per request.
 * {@link #close()} gives calls in flight the grace to finish, cancels the rest, and stops. Thread-safe.
 */
public final class McpHttpServer implements AutoCloseable {

    /** The path of the MCP endpoint. */
    public static final String ENDPOINT = "/mcp";
    /** The largest request body taken (larger ones get 413). */
    static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;
    /** The shortest key accepted beyond loopback. */
    static final int MIN_REMOTE_KEY_LENGTH = 24;
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final GuardedServer server;
    private final McpSyncServer mcp;
    private final InFlightCalls inFlight;
    private final String host;
    private final Duration grace;
    private final Object stopLock = new Object();
    private boolean stopped;

    private McpHttpServer(GuardedServer server, McpSyncServer mcp, InFlightCalls inFlight, String host,
            Duration grace) {
        this.server = server;
        this.mcp = mcp;
        this.inFlight = inFlight;
        this.host = host;
        this.grace = grace;
    }

    static McpHttpServer start(T3McpServer t3, ListenRules rules, int port, String key, Duration grace,
            Consumer<String> log) {
        if (!ListenRules.isLoopback(rules.host()) && key.length() < MIN_REMOTE_KEY_LENGTH) {
            throw new InvalidInputException("Listening on " + rules.host() + " exposes your t3.chat subscription beyond"
                    + " this machine: use a key of at least " + MIN_REMOTE_KEY_LENGTH + " characters.");
        }
        McpJsonMapper json = t3.json();
        InFlightCalls inFlight = new InFlightCalls();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json).mcpEndpoint(ENDPOINT).maxRequestSize(MAX_REQUEST_BYTES)
                .contextExtractor(request -> {
                    Object requestKey = request.getAttribute(InFlightCalls.REQUEST_KEY);
                    return requestKey == null ? McpTransportContext.EMPTY
                            : McpTransportContext.create(Map.of(InFlightCalls.REQUEST_KEY, requestKey));
                })
                .build();
        McpSyncServer mcp = t3.build(io.modelcontextprotocol.server.McpServer.sync(transport), inFlight);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder("mcp", transport), ENDPOINT);
        context.addFilter(new FilterHolder(new CancellationFilter(json, inFlight)), ENDPOINT,
                EnumSet.of(DispatcherType.REQUEST));
        Clock clock = Clock.systemUTC();
        Refusal refusal = refusal(json, log);
        Handler handler = new KeyCheck(key, "the key t3 mcp --http printed (T3_GATEWAY_KEY, the key of t3 serve)",
                refusal, context);
        GuardedServer server;
        try {
            server = GuardedServer.builder("MCP server", rules, port).threadName("t3-mcp")
                    .cors(Set.of("GET", "POST", "DELETE", "OPTIONS"), Set.of("authorization", "content-type",
                            "accept", "mcp-session-id", "mcp-protocol-version", "last-event-id"), Set.of(SESSION_HEADER))
                    .refusal(refusal).start(new AccessLog(log, clock, handler));
        } catch (RuntimeException e) {
            mcp.close();
            throw e;
        }
        return new McpHttpServer(server, mcp, inFlight, rules.host(), grace);
    }

    /** Refusals as a small JSON body ({@code error}, {@code message}); each logged like a request. */
    private static Refusal refusal(McpJsonMapper json, Consumer<String> log) {
        return (request, response, callback, status, code, message) -> {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", code);
            body.put("message", message);
            // Logged before the answer goes: the client may read it, and close, before this thread goes on.
            log.accept(request.getMethod() + " " + Refusal.shown(Request.getPathInContext(request)) + " "
                    + status + " " + code);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
            try {
                response.write(true, java.nio.ByteBuffer.wrap(json.writeValueAsBytes(body)), callback);
            } catch (IOException e) {
                callback.failed(e);
            }
        };
    }

    /** Where hosts reach the server: {@code http://<host>:<port>/mcp}. */
    public URI url() {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + server.port() + ENDPOINT);
    }

    /** Blocks until {@link #close()} has stopped the server. */
    public void awaitStopped() throws InterruptedException {
        server.join();
    }

    /** Lets calls in flight finish within the grace, cancels the rest, and stops. Calling it again does nothing. */
    @Override
    public void close() {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        try {
            inFlight.awaitEmpty(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inFlight.cancelAll();
        try {
            mcp.closeGracefully();
        } finally {
            server.stop();
        }
    }

    @Override
    public String toString() {
        return "McpHttpServer[" + url() + ", key redacted]";
    }

    /** One line per request: method, path, status and time (never a header or a body). */
    private static final class AccessLog extends Handler.Wrapper {
        private final Consumer<String> log;
        private final Clock clock;

        AccessLog(Consumer<String> log, Clock clock, Handler handler) {
            super(handler);
            this.log = log;
            this.clock = clock;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            long started = clock.millis();
            String line = request.getMethod() + " " + Refusal.shown(Request.getPathInContext(request));
            Request.addCompletionListener(request, failure -> {
                // Refusals (401, 403) were logged by the refusal itself.
                if (response.getStatus() != 401 && response.getStatus() != 403) {
                    log.accept(line + " " + (failure == null ? response.getStatus() : "failed") + " "
                            + (clock.millis() - started) + " ms");
                }
            });
            return super.handle(request, response, callback);
        }
    }

    /**
     * Reads each POST's message (bounded) with the SDK's own parser before the servlet does, and hands the
     * servlet the same bytes: a {@code tools/call} is registered under its session and id (its key put in
     * the request, where the transport context finds it), a {@code notifications/cancelled} cancels the
     * call it names, and a DELETE (the host ends its session) cancels the session's calls.
     */
    private static final class CancellationFilter implements Filter {
        private final McpJsonMapper json;
        private final InFlightCalls inFlight;

        CancellationFilter(McpJsonMapper json, InFlightCalls inFlight) {
            this.json = json;
            this.inFlight = inFlight;
        }

        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            String session = request.getHeader(SESSION_HEADER);
            if (request.getMethod().equals("DELETE") && session != null) {
                inFlight.cancelSession(session);
            }
            if (!request.getMethod().equals("POST") || session == null) {
                chain.doFilter(servletRequest, servletResponse);
                return;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                ((HttpServletResponse) servletResponse).sendError(413, "The request is larger than "
                        + MAX_REQUEST_BYTES + " bytes.");
                return;
            }
            JSONRPCMessage message;
            try {
                message = McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException unreadable) {
                message = null;   // the servlet says what is wrong with it
            }
            String key = null;
            if (message instanceof JSONRPCRequest call && McpSchema.METHOD_TOOLS_CALL.equals(call.method())) {
                key = InFlightCalls.requestKey(session, String.valueOf(call.id()));
                inFlight.open(key);
                request.setAttribute(InFlightCalls.REQUEST_KEY, key);
            } else if (message instanceof JSONRPCNotification notification
                    && CancellableTransport.CANCELLED.equals(notification.method())) {
                Object id = notification.params() instanceof Map<?, ?> params ? params.get("requestId") : null;
                if (id != null) {
                    inFlight.cancel(InFlightCalls.requestKey(session, String.valueOf(id)));
                }
            }
            try {
                chain.doFilter(new BufferedRequest(request, body), servletResponse);
            } finally {
                if (key != null) {
                    inFlight.close(key);
                }
            }
        }
    }

    /** A request whose body was read already: the servlet reads the same bytes again. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    return in.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body was read already: read it blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
