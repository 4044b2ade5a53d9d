package io.github.t3chat4j.adapter.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool calls being answered, by session and JSON-RPC request id, so that a host's
 * {@code notifications/cancelled} reaches the call it names. The SDK (2.2) routes no cancellation to a
 * tool, so the transports tell this registry of each request ({@link #requestKey}) and cancellation,
 * and each tool call claims its entry. Thread-safe.
 */
final class InFlightCalls {

    /** The key of the transport context entry that holds a request's key. */
    static final String REQUEST_KEY = "t3chat4j.mcp.request";

    private final Map<String, CallCancellation> calls = new ConcurrentHashMap<>();

    /** The key of request {@code requestId} of session {@code session}. */
    static String requestKey(String session, Object requestId) {
        return session + "\u0000" + requestId;
    }

    /** The cancellation of the call under {@code key}, made when the request arrived or now. */
    CallCancellation open(String key) {
        return calls.computeIfAbsent(key, k -> new CallCancellation());
    }

    /** Forgets the call under {@code key} (it has answered). */
    void close(String key) {
        if (calls.remove(key) != null) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Cancels the call under {@code key}, when it is still being answered. */
    void cancel(String key) {
        CallCancellation call = calls.remove(key);
        if (call != null) {
            call.cancel();
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Cancels every call of {@code session} (the host went away). */
    void cancelSession(String session) {
        String prefix = session + "\u0000";
        calls.keySet().removeIf(key -> {
            if (key.startsWith(prefix)) {
                CallCancellation call = calls.get(key);
                if (call != null) {
                    call.cancel();
                }
                return true;
            }
            return false;
        });
    }

    /** Waits until no call is being answered, at most {@code timeout}; whether none is. */
    boolean awaitEmpty(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!calls.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Cancels every call (the server stops). */
    void cancelAll() {
        calls.values().forEach(CallCancellation::cancel);
        calls.clear();
    }
}
