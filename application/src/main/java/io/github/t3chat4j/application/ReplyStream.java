package io.github.t3chat4j.application;

import io.github.t3chat4j.application.error.ReplyFailedException;
import io.github.t3chat4j.application.error.ReplyNotSavedException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.internal.usecase.SendMessageResult;
import io.github.t3chat4j.application.internal.service.ReplyExchange;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One reply, pulled event by event on the caller's thread: the contract every call style is built on.
 * Nothing is sent until the first pull; each pull then hands over the next event as it arrives (waiting
 * for it); after the last, {@link #message()}, {@link #reply()} and {@link #conversation()} say how it
 * ended. No thread runs behind it: a reader that stops pulling stops the reply (the network's flow
 * control holds the server back), and {@link #close()} cancels it, from any thread, keeping what arrived
 * (marked cancelled). One reader at a time.
 *
 * <pre>{@code
 * try (ReplyStream reply = chat.stream("Tell me a story")) {
 *     for (ChatEvent event : reply) {
 *         if (event instanceof ChatEvent.TextDelta delta) System.out.print(delta.text());
 *     }
 *     Message message = reply.message();
 * }
 * }</pre>
 *
 * <p>A failure is thrown from the pull that meets it (before the first event: the request's failure,
 * with nothing kept; after it: a {@link ReplyFailedException} carrying the partial reply, which the
 * conversation keeps), and again from {@link #message()}. {@link #ready()} tells a reader that buffers
 * its output when the next pull would wait, so it can flush first.
 */
public final class ReplyStream implements Iterable<ChatEvent>, AutoCloseable {

    /** How a stream starts and ends its exchange: the conversation handle's turn, or nothing. */
    interface Turn {

        /** The exchange to pull, once it is this stream's turn; null when {@code giveUp} said stop first. */
        ReplyExchange begin(BooleanSupplier giveUp);

        /** The exchange has ended with {@code result}, or with {@code failure} (one of them is null). */
        void end(SendMessageResult result, T3ChatException failure);

        /** What a stream that never started ends with. */
        SendMessageResult notStarted();
    }

    private final Turn turn;
    private final ReentrantLock reader = new ReentrantLock();
    private volatile ReplyExchange exchange;
    private volatile boolean closed;
    private boolean ended;
    private SendMessageResult result;
    private T3ChatException failure;
    private RuntimeException broken;

    ReplyStream(Turn turn) {
        this.turn = turn;
    }

    /**
     * The events, in order; iterating waits for each. The iterator's {@code hasNext()} throws what the
     * send failed with.
     *
     * @return an iterator over this reply's events (every iterator reads the same single reply)
     */
    @Override
    public Iterator<ChatEvent> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pull();
            }

            @Override
            public ChatEvent next() {
                reader.lock();
                try {
                    if (!pull()) {
                        throw new NoSuchElementException("The reply has ended.");
                    }
                    return exchange.next();
                } finally {
                    reader.unlock();
                }
            }
        };
    }

    /**
     * The events as a sequential stream; closing it closes this reply.
     *
     * @return the events, in order
     */
    public Stream<ChatEvent> events() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /**
     * Whether the next pull will answer without waiting for the network: the reply has ended, or the bytes
     * of its next event have already arrived. A reader that holds output in a buffer flushes when this is
     * false, so that a fast reply costs few writes and a lone event still shows at once. False before the
     * first pull (which sends the request), and whenever the transport cannot tell.
     *
     * @return true when the next pull will not wait
     */
    public boolean ready() {
        ReplyExchange current = exchange;
        return ended || (current != null && current.ready());
    }

    /**
     * The assistant message, once the reply has ended: reads what is left of it first.
     *
     * @return the reply as a message (marked incomplete when cancelled)
     * @throws T3ChatException what the send failed with
     * @throws ReplyNotSavedException when the reply arrived whole but the conversation could not be saved
     */
    public Message message() {
        SendMessageResult done = outcome();
        if (done.saveFailure().isPresent()) {
            throw new ReplyNotSavedException(done.message(), done.saveFailure().get());
        }
        return done.message();
    }

    /**
     * The reply as assembled from its events (finish reason included), once it has ended: reads what is
     * left of it first.
     *
     * @return the reply
     * @throws T3ChatException what the send failed with
     */
    public Reply reply() {
        return outcome().reply();
    }

    /**
     * The conversation after this exchange, once it has ended: with the user message and the reply when
     * anything arrived, else as it was. Reads what is left of the reply first.
     *
     * @return the conversation from now on
     * @throws T3ChatException what the send failed with ({@link ReplyFailedException#conversation()} then
     *     holds the conversation with the partial reply)
     */
    public Conversation conversation() {
        return outcome().conversation();
    }

    /**
     * Stops the reply at once, from any thread, without waiting: a pull in progress on another thread
     * returns soon after (a transport that cannot be interrupted while an answer has not begun returns at
     * its first-byte deadline) and ends the reply, keeping what arrived (marked cancelled); a reply that
     * has not started sends nothing. Then {@link #close()} or the next pull finds it ended.
     */
    public void cancel() {
        closed = true;
        ReplyExchange current = exchange;
        if (current != null) {
            current.cancel();
        }
    }

    /**
     * Cancels the reply unless it has ended, keeping what arrived (marked cancelled); sends nothing when
     * it has not started. May be called from any thread, and more than once; waits until a pull on
     * another thread has returned, so that the conversation holds the reply when this returns. A thread
     * that must not wait (a shutdown hook, a server thread whose client left) calls {@link #cancel()}.
     */
    @Override
    public void close() {
        cancel();
        reader.lock();
        try {
            if (!ended) {
                if (exchange == null) {
                    ended = true;
                    result = turn.notStarted();
                } else {
                    exchange.cancel();
                    finish();
                }
            }
        } catch (T3ChatException ignored) {
            // Kept in failure, for message(); closing itself never throws what the send failed with.
        } finally {
            reader.unlock();
        }
    }

    private SendMessageResult outcome() {
        reader.lock();
        try {
            while (pull()) {
                exchange.next();
            }
            if (failure != null) {
                throw failure;
            }
            if (broken != null) {
                throw broken;
            }
            return result;
        } finally {
            reader.unlock();
        }
    }

    /** Whether another event is there; starts the exchange on the first call and ends it after the last. */
    private boolean pull() {
        reader.lock();
        try {
            if (ended) {
                return false;
            }
            if (exchange == null) {
                if (closed) {
                    ended = true;
                    result = turn.notStarted();
                    return false;
                }
                try {
                    exchange = turn.begin(() -> closed);
                } catch (T3ChatException e) {
                    ended = true;
                    failure = e;
                    throw e;
                } catch (RuntimeException e) {
                    ended = true;
                    broken = e;
                    throw e;
                }
                if (exchange == null) {
                    ended = true;
                    result = turn.notStarted();
                    return false;
                }
                if (closed) {
                    exchange.cancel();
                }
            }
            boolean more;
            try {
                more = exchange.hasNext();
            } catch (RuntimeException e) {
                try {
                    finish();
                } catch (RuntimeException same) {
                    // The failure e is, kept by finish(); thrown below.
                }
                if (failure == null) {
                    broken = e;
                }
                throw e;
            }
            if (!more) {
                finish();
            }
            return more;
        } finally {
            reader.unlock();
        }
    }

    /** Ends the exchange and hands its outcome to the turn, once. */
    private void finish() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            result = exchange.finish();
        } catch (T3ChatException e) {
            failure = e;
        } finally {
            turn.end(result, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
