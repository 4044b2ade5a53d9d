package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * When the head of one exchange's answer is due: within the read timeout of the moment the request was
 * sent (before that, within the connect and read timeouts of the start), and within the total timeout of
 * the start, when there is one. An engine whose wait blocks {@link #arm arms} it with the abort to run
 * when the head is late; an engine that waits on a future asks {@link #millisLeft()}. Thread-safe.
 */
final class HeadDeadline {

    /** The context attribute under which the engines' exec interceptor finds the deadline of an exchange. */
    static final String ATTRIBUTE = "t3chat4j.head-deadline";

    private final Timeouts timeouts;
    private final long startedAt = System.nanoTime();
    private volatile long sentAt;
    private volatile boolean expired;
    private Runnable abort;
    private ScheduledFuture<?> timer;
    private boolean arrived;

    HeadDeadline(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** Runs {@code action} (an abort of the exchange) if the head is still missing when it is due. */
    synchronized void arm(Runnable action) {
        this.abort = action;
        schedule();
    }

    /** The request is being sent now (its connection is there): the head is due within the read timeout. */
    synchronized void sent() {
        sentAt = System.nanoTime();
        if (abort != null) {
            schedule();
        }
    }

    /** The head arrived: nothing is due any more. */
    synchronized void arrived() {
        arrived = true;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** How long until the head is due (0 or less: it is late). */
    long millisLeft() {
        long now = System.nanoTime();
        long due = sentAt != 0 ? sentAt + timeouts.read().toNanos()
                : startedAt + timeouts.connect().plus(timeouts.read()).toNanos();
        if (timeouts.total().isPresent()) {
            due = Math.min(due, startedAt + timeouts.total().get().toNanos());
        }
        // Rounded up: a wait of 0.9 ms left is not yet late (the total deadline's message depends on it).
        return Math.floorDiv(due - now + 999_999, 1_000_000);
    }

    /** Whether the head was late and the exchange was (or is to be) aborted for it. */
    boolean expired() {
        return expired;
    }

    /** Marks the exchange as late, for an engine that found so itself. */
    void expire() {
        expired = true;
    }

    /** The exception for a late head, naming what was waited for. */
    SocketTimeoutException timeout() {
        return new SocketTimeoutException("No whole answer head within "
                + Duration.ofNanos(System.nanoTime() - (sentAt != 0 ? sentAt : startedAt)).toMillis() + " ms");
    }

    private void schedule() {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = Watchdog.after(Duration.ofMillis(Math.max(0, millisLeft())), this::fire);
    }

    private void fire() {
        Runnable action;
        synchronized (this) {
            if (arrived) {
                return;
            }
            if (millisLeft() > 0) {
                // Re-armed meanwhile (the request was sent late): wait for the new time.
                schedule();
                return;
            }
            expired = true;
            action = abort;
        }
        action.run();
    }

    /** Marks the moment an exchange's request is sent, in both of HttpClient's execution chains. */
    static final class SentMark implements ExecChainHandler, AsyncExecChainHandler {

        /** The name of this handler in the chains, placed just before the main transport (after connecting). */
        static final String NAME = "t3chat4j-request-sent";

        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
                throws IOException, HttpException {
            mark(scope.clientContext);
            return chain.proceed(request, scope);
        }

        @Override
        public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
                AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
            mark(scope.clientContext);
            chain.proceed(request, entityProducer, scope, callback);
        }

        private static void mark(HttpContext context) {
            if (context.getAttribute(ATTRIBUTE) instanceof HeadDeadline deadline) {
                deadline.sent();
            }
        }
    }
}
