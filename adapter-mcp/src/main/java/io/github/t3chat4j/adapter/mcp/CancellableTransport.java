package io.github.t3chat4j.adapter.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.json.TypeRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A session transport of the SDK (standard input and output) with the host's cancellation routed to the
 * tool call it names. The SDK's sessions (2.2) read {@code notifications/cancelled} and drop it; this
 * wrapper sees each message the transport hands its session first: a {@code tools/call} request is
 * registered in {@link InFlightCalls} and its key put in the request's transport context (where the tool
 * finds it), a cancellation cancels that call, and the end of the session cancels what is left. The
 * messages themselves are the SDK's, parsed by it; nothing here reads or writes JSON.
 */
final class CancellableTransport implements McpServerTransportProvider {

    static final String CANCELLED = "notifications/cancelled";

    private final McpServerTransportProvider delegate;
    private final InFlightCalls inFlight;
    private final Runnable onSessionClosed;

    CancellableTransport(McpServerTransportProvider delegate, InFlightCalls inFlight, Runnable onSessionClosed) {
        this.delegate = delegate;
        this.inFlight = inFlight;
        this.onSessionClosed = onSessionClosed;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        delegate.setSessionFactory(transport -> new TrackedSession(factory.create(transport), transport, inFlight,
                onSessionClosed));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public void close() {
        inFlight.cancelAll();
        delegate.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully().doFinally(signal -> inFlight.cancelAll());
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    /** The id of the request a {@code notifications/cancelled} names, as the registry keys it. */
    static Object cancelledRequestId(JSONRPCNotification notification, McpServerTransport transport) {
        if (notification.params() == null) {
            return null;
        }
        Map<String, Object> params = transport.unmarshalFrom(notification.params(), new TypeRef<Map<String, Object>>() {
        });
        return params.get("requestId");
    }

    /**
     * The SDK's session, seen through: every call goes to it, and {@link #handle} looks at the message on
     * the way in. The SDK's transport calls only these methods of its session.
     */
    private static final class TrackedSession extends McpServerSession {
        private final McpServerSession session;
        private final McpServerTransport transport;
        private final InFlightCalls inFlight;
        private final Runnable onClosed;

        TrackedSession(McpServerSession session, McpServerTransport transport, InFlightCalls inFlight,
                Runnable onClosed) {
            super(session.getId(), Duration.ZERO, transport, request -> Mono.empty(), Map.of(), Map.of());
            this.session = session;
            this.transport = transport;
            this.inFlight = inFlight;
            this.onClosed = onClosed;
        }

        @Override
        public Mono<Void> handle(JSONRPCMessage message) {
            if (message instanceof JSONRPCRequest request && McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
                String key = InFlightCalls.requestKey(getId(), String.valueOf(request.id()));
                inFlight.open(key);
                return session.handle(message).contextWrite(context -> context.put(McpTransportContext.KEY,
                        withRequest(context.getOrDefault(McpTransportContext.KEY, McpTransportContext.EMPTY), key)))
                        .doFinally(signal -> inFlight.close(key));
            }
            if (message instanceof JSONRPCNotification notification && CANCELLED.equals(notification.method())) {
                Object id = cancelledRequestId(notification, transport);
                if (id != null) {
                    inFlight.cancel(InFlightCalls.requestKey(getId(), String.valueOf(id)));
                }
                return Mono.empty();
            }
            return session.handle(message);
        }

        private static McpTransportContext withRequest(McpTransportContext context, String key) {
            Map<String, Object> values = new HashMap<>();
            values.put(InFlightCalls.REQUEST_KEY, key);
            return context == null ? McpTransportContext.create(values) : context.putAll(values);
        }

        @Override
        public void init(McpSchema.ClientCapabilities capabilities, McpSchema.Implementation info) {
            session.init(capabilities, info);
        }

        @Override
        public void setMinLoggingLevel(McpSchema.LoggingLevel level) {
            session.setMinLoggingLevel(level);
        }

        @Override
        public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel level) {
            return session.isNotificationForLevelAllowed(level);
        }

        @Override
        public <T> Mono<T> sendRequest(String method, Object params, TypeRef<T> type) {
            return session.sendRequest(method, params, type);
        }

        @Override
        public Mono<Void> sendNotification(String method, Object params) {
            return session.sendNotification(method, params);
        }

        @Override
        public Mono<Void> closeGracefully() {
            inFlight.cancelSession(getId());
            return session.closeGracefully().doFinally(signal -> onClosed.run());
        }

        @Override
        public void close() {
            inFlight.cancelSession(getId());
            try {
                session.close();
            } finally {
                onClosed.run();
            }
        }
    }
}
