package io.github.t3chat4j.testkit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * A response body written by the dispatch thread and sent by HttpCore's reactor: every write asks the
 * reactor for a turn to send it, so a small event reaches the client at once. (HttpCore's own
 * {@code SharedOutputBuffer} keeps writes under 1 KiB until the reactor next comes by, and its stream's
 * {@code flush()} does nothing, so an event could wait for the next one.) A writer waits while more than
 * {@link #CAPACITY} bytes are unsent.
 */
final class StreamingResponseBody extends OutputStream {

    private static final int CAPACITY = 64 * 1024;
    private static final int PIECE = 16 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private final Deque<ByteBuffer> pending = new ArrayDeque<>();
    private final AtomicBoolean endSent = new AtomicBoolean();
    private int pendingBytes;
    private boolean ended;
    private boolean aborted;
    private DataStreamChannel channel;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int at = off, end = off + len; at < end; at += PIECE) {
            int n = Math.min(PIECE, end - at);
            DataStreamChannel known;
            lock.lock();
            try {
                while (pendingBytes >= CAPACITY && !aborted) {
                    await();
                }
                if (aborted) {
                    throw new InterruptedIOException("The client went away");
                }
                if (ended) {
                    throw new IOException("The response body is closed");
                }
                pending.add(ByteBuffer.wrap(Arrays.copyOfRange(b, at, at + n)));
                pendingBytes += n;
                known = channel;
            } finally {
                lock.unlock();
            }
            // Outside the lock: the reactor takes its own locks, then ours in produce().
            if (known != null) {
                known.requestOutput();
            }
        }
    }

    /** Ends the body once all of it is sent. */
    @Override
    public void close() throws IOException {
        DataStreamChannel known;
        boolean empty;
        lock.lock();
        try {
            if (ended || aborted) {
                return;
            }
            ended = true;
            known = channel;
            empty = pending.isEmpty();
        } finally {
            lock.unlock();
        }
        if (known != null) {
            if (empty) {
                endOnce(known);
            } else {
                known.requestOutput();
            }
        }
    }

    /** Bytes waiting for the reactor. */
    int available() {
        lock.lock();
        try {
            return pendingBytes;
        } finally {
            lock.unlock();
        }
    }

    /** The reactor's turn: sends what the channel takes, and the end once everything went. */
    void produce(DataStreamChannel to) throws IOException {
        boolean end;
        lock.lock();
        try {
            channel = to;
            while (!pending.isEmpty()) {
                ByteBuffer head = pending.peek();
                pendingBytes -= to.write(head);
                if (head.hasRemaining()) {
                    break;
                }
                pending.poll();
            }
            end = ended && pending.isEmpty();
            drained.signalAll();
        } finally {
            lock.unlock();
        }
        if (end) {
            endOnce(to);
        }
    }

    /** The exchange failed: writers stop waiting and fail. */
    void abort() {
        lock.lock();
        try {
            aborted = true;
            pending.clear();
            pendingBytes = 0;
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void endOnce(DataStreamChannel to) throws IOException {
        if (endSent.compareAndSet(false, true)) {
            to.endStream();
        }
    }

    private void await() throws InterruptedIOException {
        try {
            drained.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the client was slow to read");
        }
    }
}
