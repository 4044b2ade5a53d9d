package io.github.t3chat4j.adapter.http.internal.chat;

import io.github.t3chat4j.adapter.http.internal.HttpErrorMapper;
import io.github.t3chat4j.adapter.http.internal.HttpTransport;
import io.github.t3chat4j.adapter.http.internal.Redactor;
import io.github.t3chat4j.application.port.out.ChatStream;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A reply being received: the body is decoded as UTF-8 through one {@link Reader} (so a character split
 * across network reads stays whole) and events are pulled one at a time. A read failure surfaces as a
 * {@link io.github.t3chat4j.application.error.TransportException} from the event stream, unless the
 * stream was closed meanwhile: then the events simply end. {@link #close()} may be called from any
 * thread; closing before the end drops the connection.
 */
final class HttpChatStream implements ChatStream {

    private final HttpTransport.Exchange exchange;
    /** Aborts a connection whose tail does not arrive in time; one daemon thread for every stream. */
    private static final ScheduledExecutorService TAIL_GUARD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "t3chat4j-stream-tail");
        t.setDaemon(true);
        return t;
    });
    private static final Duration TAIL_WAIT = Duration.ofSeconds(2);

    private final ChatEventDecoder decoder;
    private final String description;
    private final String target;
    private final Redactor redactor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean consumed = new AtomicBoolean();
    private volatile boolean exhausted;
    private volatile boolean finishSeen;
    private volatile Thread reader;

    HttpChatStream(HttpTransport.Exchange exchange, ChatEventMapper mapper, String description, String target,
            Redactor redactor) {
        this.exchange = exchange;
        this.description = description;
        this.target = target;
        this.redactor = redactor;
        StreamFormat format = StreamFormat.fromHeaders(exchange.header("x-vercel-ai-ui-message-stream"),
                exchange.header("x-vercel-ai-data-stream"));
        this.decoder = new ChatEventDecoder(reader(exchange), format, mapper);
    }

    private static Reader reader(HttpTransport.Exchange exchange) {
        HttpEntity entity = exchange.response().getEntity();
        InputStream body;
        try {
            body = entity == null ? InputStream.nullInputStream() : entity.getContent();
        } catch (IOException e) {
            body = InputStream.nullInputStream();
        }
        // The event-stream format is always UTF-8; the data stream declares charset=utf-8.
        return new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
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

    private boolean advance() {
        if (closed.get()) {
            return false;
        }
        reader = Thread.currentThread();
        try {
            boolean more = decoder.hasNext();
            if (!more) {
                exhausted = true;
            }
            finishSeen = decoder.finished();
            return more;
        } catch (UncheckedIOException e) {
            if (closed.get()) {
                return false;
            }
            throw HttpErrorMapper.forIo("Reading the reply of " + description, target, e.getCause(), redactor);
        }
    }

    /**
     * Releases the connection. Once the reply has finished, the reading thread reads the body's short
     * tail so the connection goes back to the pool for the next send (bounded: a tail that does not come
     * within two seconds drops the connection); before that, or from another thread, it drops the
     * connection at once.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (exhausted) {
                exchange.close();
            } else if (finishSeen && reader == Thread.currentThread()) {
                ScheduledFuture<?> guard = TAIL_GUARD.schedule(exchange::abort, TAIL_WAIT.toMillis(),
                        TimeUnit.MILLISECONDS);
                try {
                    exchange.drainAndClose();
                } finally {
                    guard.cancel(false);
                }
            } else {
                exchange.abort();
                exchange.close();
            }
        }
    }

    @Override
    public String toString() {
        return "HttpChatStream[" + description + (closed.get() ? ", closed" : "") + "]";
    }
}
