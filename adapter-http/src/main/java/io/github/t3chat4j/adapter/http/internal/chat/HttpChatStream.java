package io.github.t3chat4j.adapter.http.internal.chat;

import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;

import io.github.t3chat4j.adapter.http.internal.OpenResponse;
import io.github.t3chat4j.adapter.http.internal.engine.Watchdog;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A reply being received: the body's bytes go to one {@link ChatEventDecoder} (so a character split
 * across network reads stays whole) and events are pulled one at a time. A read failure surfaces as a
 * {@link io.github.t3chat4j.application.error.TransportException} from the event stream, unless the
 * stream was closed meanwhile: then the events simply end. {@link #close()} may be called from any
 * thread; closing before the end drops the connection.
 */
final class HttpChatStream implements ChatStream {

    private static final Duration WATCH_EVERY = Duration.ofMillis(200);
    private static final Duration TAIL_WAIT = Duration.ofSeconds(2);

    private final OpenResponse response;
    private final ChatEventDecoder decoder;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean consumed = new AtomicBoolean();
    private volatile boolean exhausted;
    private volatile boolean finishSeen;
    private volatile Thread reader;
    private final StreamLimits limits;
    private final long startedAt;
    private volatile long progressAt;
    private volatile String expired;
    private volatile Remedy expiredRemedy;
    private final ScheduledFuture<?> watchdog;

    /** @param startedAt when the request was sent ({@link System#nanoTime()}): the total timeout runs from it */
    HttpChatStream(OpenResponse response, ChatEventMapper mapper, String description, StreamLimits limits,
            long startedAt) {
        this.response = response;
        this.startedAt = startedAt;
        this.progressAt = System.nanoTime();
        this.description = description;
        this.limits = limits;
        StreamFormat format = StreamFormat.fromHeaders(response.header("x-vercel-ai-ui-message-stream").orElse(null),
                response.header("x-vercel-ai-data-stream").orElse(null));
        // The event-stream format is always UTF-8 and the data stream declares charset=utf-8: the decoder
        // works on the bytes and decodes only the text it keeps.
        this.decoder = new ChatEventDecoder(new LimitedReplyBody(response.body(), limits.maxReplyBytes(),
                limits.maxLineBytes()), format, mapper);
        this.watchdog = Watchdog.every(WATCH_EVERY, this::watch);
    }

    /** Ends a reply that went too long without an event (keep-alive comments are not events) or in all. */
    private void watch() {
        if (closed.get() || exhausted) {
            watchdog.cancel(false);
            return;
        }
        long now = System.nanoTime();
        if (now - progressAt > limits.idleTimeout().toNanos()) {
            expiredRemedy = Remedy.IDLE_TIMEOUT;
            expired = "t3.chat sent no reply data for " + seconds(limits.idleTimeout()) + " (the idle timeout)";
        } else if (now - startedAt > limits.totalTimeout().toNanos()) {
            expiredRemedy = Remedy.TOTAL_TIMEOUT;
            expired = "the reply took longer than " + seconds(limits.totalTimeout()) + " in all (the total timeout)";
        } else {
            return;
        }
        watchdog.cancel(false);
        response.abort();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    public Stream<ChatEvent> events() {
        if (!consumed.compareAndSet(false, true)) {
            throw new IllegalStateException("The events of a chat stream can be consumed only once.");
        }
        Iterator<ChatEvent> events = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return advance();
            }

            @Override
            public ChatEvent next() {
                if (!advance()) {
                    throw new NoSuchElementException("The reply stream has ended.");
                }
                return decoder.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** Whether the next event (or the end) is already here: see {@link ChatEventDecoder#ready()}. */
    @Override
    public boolean ready() {
        return closed.get() || exhausted || decoder.ready();
    }

    private boolean advance() {
        if (closed.get()) {
            return false;
        }
        reader = Thread.currentThread();
        try {
            boolean more = decoder.hasNext();
            if (!more) {
                String deadline = expired;
                if (deadline != null) {
                    // An engine whose body just ends when aborted (curl, the browser) ends here, not in a read.
                    throw new TransportException("Reading the reply of " + description + " stopped: " + deadline
                            + ".", null);
                }
                exhausted = true;
            } else {
                progressAt = System.nanoTime();
            }
            finishSeen = decoder.finished();
            return more;
        } catch (UncheckedIOException e) {
            String deadline = expired;
            if (deadline != null) {
                throw new TransportException("Reading the reply of " + description + " stopped: " + deadline + ".",
                        expiredRemedy, e.getCause());
            }
            if (e.getCause() instanceof LimitedReplyBody.LimitExceeded limit) {
                response.abort();
                throw new UnexpectedResponseException(limit.getMessage() + "; the rest of it was not read.", 0,
                        Remedy.MAX_REPLY_SIZE);
            }
            if (closed.get()) {
                return false;
            }
            throw response.readFailure(e.getCause());
        }
    }

    /**
     * Releases the connection. Once the reply has ended, or has finished and this is the reading thread,
     * the body's short tail is read so the connection goes back to the pool for the next send (bounded:
     * a tail that does not come within two seconds drops the connection); before that, or from another
     * thread, the connection is dropped at once.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            watchdog.cancel(false);
            if (exhausted || (finishSeen && reader == Thread.currentThread())) {
                ScheduledFuture<?> guard = Watchdog.after(TAIL_WAIT, response::abort);
                try {
                    response.drainAndClose();
                } finally {
                    guard.cancel(false);
                }
            } else {
                response.abort();
                response.close();
            }
        }
    }

    @Override
    public String toString() {
        return "HttpChatStream[" + description + (closed.get() ? ", closed" : "") + "]";
    }
}
