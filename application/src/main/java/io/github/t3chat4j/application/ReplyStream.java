package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.port.in.Cancellation;
import io.github.t3chat4j.application.port.in.ChatEventListener;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A reply pulled event by event: iterate it (or {@link #events()}) on your own thread while the send
 * runs in the background; when the events end, {@link #message()} is the assistant message, or throws
 * what the send threw. Closing before the end cancels the reply (the partial reply is kept, as with a
 * cancelled send). A slow reader slows the reply down: at most a few hundred events wait in between.
 * One reader at a time; {@link #close()} may be called from any thread.
 *
 * <pre>{@code
 * try (ReplyStream reply = client.stream("Tell me a story")) {
 *     for (ChatEvent event : reply) {
 *         if (event instanceof ChatEvent.TextDelta delta) System.out.print(delta.text());
 *     }
 *     Message message = reply.message();
 * }
 * }</pre>
 */
public final class ReplyStream implements Iterable<ChatEvent>, AutoCloseable {

    private static final int CAPACITY = 256;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Cancellation cancellation = new Cancellation();
    private final CompletableFuture<Message> result = new CompletableFuture<>();
    private boolean ended;
    private Object next;

    private ReplyStream() {
    }

    /** Starts {@code send} on {@code executor}, giving it a listener that feeds this stream and its cancellation. */
    static ReplyStream start(Executor executor, SendFunction send) {
        requireNonNull(send, "send == null");
        ReplyStream stream = new ReplyStream();
        executor.execute(() -> {
            try {
                stream.result.complete(send.send(stream::offer, stream.cancellation));
            } catch (RuntimeException e) {
                stream.result.completeExceptionally(e);
            } finally {
                stream.put(END);
            }
        });
        return stream;
    }

    /** A send that reports its events to a listener and can be cancelled. */
    @FunctionalInterface
    interface SendFunction {
        Message send(ChatEventListener listener, Cancellation cancellation);
    }

    private void offer(ChatEvent event) {
        put(event);
    }

    /** Waits for room; once the reader has gone (closed the stream) events are dropped and the end gets through. */
    private void put(Object item) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled()) {
                    if (item != END) {
                        return;
                    }
                    queue.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Iterator<ChatEvent> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return peek() != END;
            }

            @Override
            public ChatEvent next() {
                Object item = peek();
                if (item == END) {
                    throw new NoSuchElementException("The reply has ended.");
                }
                ReplyStream.this.next = null;
                return (ChatEvent) item;
            }
        };
    }

    /** The events as a sequential stream; closing it closes this reply. */
    public Stream<ChatEvent> events() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    private synchronized Object peek() {
        if (next == null) {
            if (ended) {
                return END;
            }
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                return END;
            }
            if (next == END) {
                ended = true;
            }
        }
        return next;
    }

    /**
     * The assistant message, once the reply has ended (waiting for it).
     *
     * @throws T3ChatException what the send threw
     */
    public Message message() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Cancels the reply unless it has ended; waits until the send has stopped. */
    @Override
    public void close() {
        cancellation.cancel();
        try {
            result.exceptionally(failure -> null).join();
        } finally {
            queue.clear();
        }
    }
}
