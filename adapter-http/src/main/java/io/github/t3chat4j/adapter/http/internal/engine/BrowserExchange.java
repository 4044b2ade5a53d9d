package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request under way in a {@link BrowserPage}: its head, then its body as the page hands it over
 * chunk by chunk, read by one thread as an {@link InputStream}; the page is told as the reader gets
 * through the body, so it reads at most {@link BrowserPage#WINDOW} bytes ahead. The DevTools reader
 * thread feeds it; {@link #abort()} may come from any thread and stops the page's {@code fetch} (which
 * drops the connection or resets the stream).
 */
final class BrowserExchange implements EngineResponse {

    /** How often the reader's progress is reported to the page. */
    static final int ACK_STEP = 256 * 1024;

    private static final Object END = new Object();
    private static final Object ABORTED = new Object();

    private record Head(int status, List<Header> headers) {
    }

    private final BrowserPage page;
    private final long id;
    private final String protocol;
    private final Duration readTimeout;
    private final CompletableFuture<Head> head = new CompletableFuture<>();
    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final Body body = new Body();
    private volatile boolean ended;

    BrowserExchange(BrowserPage page, long id, String protocol, Duration readTimeout) {
        this.page = page;
        this.id = id;
        this.protocol = protocol;
        this.readTimeout = readTimeout;
    }

    void head(int status, List<Header> headers) {
        // A redirect that is not followed shows up as an opaque answer without a status.
        head.complete(new Head(status == 0 ? 302 : status, List.copyOf(headers)));
    }

    void data(byte[] bytes) {
        chunks.add(bytes);
    }

    void end() {
        chunks.add(END);
        page.finished(id);
    }

    void fail(IOException failure) {
        if (!head.completeExceptionally(failure)) {
            chunks.add(failure);
        }
        page.finished(id);
    }

    /** Waits for the head until {@code deadline}. */
    void awaitHead(HeadDeadline deadline) throws IOException {
        try {
            while (true) {
                long left = deadline.millisLeft();
                if (left <= 0) {
                    deadline.expire();
                    throw deadline.timeout();
                }
                try {
                    head.get(left, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException notYet) {
                    // Look at the deadline again: it is due now, or was moved when the request left.
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the answer");
        } finally {
            deadline.arrived();
        }
    }

    @Override
    public int status() {
        return head.join().status();
    }

    @Override
    public List<Header> headers() {
        return head.join().headers();
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void abort() {
        if (aborted.compareAndSet(false, true)) {
            page.abort(id);
            chunks.add(ABORTED);
        }
    }

    @Override
    public void close() {
        if (!ended) {
            abort();
        }
    }

    @Override
    public String toString() {
        return "BrowserExchange[" + id + "]";
    }

    /** The body as the page hands it over. */
    private final class Body extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private long read;
        private long acknowledged;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended || aborted.get()) {
                    return -1;
                }
                Object next;
                try {
                    next = chunks.poll(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while reading the answer");
                }
                if (next == null) {
                    abort();
                    throw new SocketTimeoutException("Read timed out");
                }
                if (next == END) {
                    ended = true;
                    return -1;
                }
                if (next == ABORTED) {
                    return -1;
                }
                if (next instanceof IOException failure) {
                    if (aborted.get()) {
                        return -1;
                    }
                    throw failure;
                }
                current = (byte[]) next;
                position = 0;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            read += n;
            if (read - acknowledged >= ACK_STEP) {
                acknowledged = read;
                page.acknowledge(id, read);
            }
            return n;
        }

        @Override
        public int available() {
            return current.length - position;
        }

        @Override
        public void close() {
            BrowserExchange.this.close();
        }
    }
}
