package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.support.classic.SharedInputBuffer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Hands the async client's response to a blocking reader: the head completes {@link #head()} as soon
 * as it arrives, the body flows into a shared buffer under HTTP flow control (the reader's pace opens
 * the window), and a failure or cancellation wakes a reader blocked on the buffer.
 */
final class StreamingResponseConsumer implements AsyncResponseConsumer<Void> {

    private static final int BUFFER_SIZE = 16 * 1024;

    /** The head of the response and the protocol it came over. */
    record Head(HttpResponse response, ProtocolVersion protocol) {
    }

    private final CompletableFuture<Head> head = new CompletableFuture<>();
    private final SharedInputBuffer buffer = new SharedInputBuffer(BUFFER_SIZE);
    private volatile FutureCallback<Void> completion;
    private volatile Exception failure;
    private volatile boolean aborted;

    CompletableFuture<Head> head() {
        return head;
    }

    SharedInputBuffer buffer() {
        return buffer;
    }

    /** Why the exchange failed, or null. */
    Exception failure() {
        return failure;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
            FutureCallback<Void> resultCallback) {
        this.completion = resultCallback;
        ProtocolVersion version = context == null ? null : context.getProtocolVersion();
        if (entity == null) {
            buffer.markEndStream();
            resultCallback.completed(null);
        }
        head.complete(new Head(response, version == null ? response.getVersion() : version));
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers (100 Continue, 103 Early Hints) carry nothing the pipeline needs.
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        buffer.updateCapacity(capacityChannel);
    }

    /**
     * Stops the exchange from the reader's side: the buffer drops what it holds, and the next bytes to
     * arrive fail the exchange, which closes an HTTP/1.1 connection (cancelling alone may leave it open)
     * or resets an HTTP/2 stream.
     */
    void abort() {
        aborted = true;
        buffer.abort();
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (aborted) {
            throw new IOException("The reader stopped the exchange.");
        }
        buffer.fill(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        buffer.markEndStream();
        FutureCallback<Void> callback = completion;
        if (callback != null) {
            callback.completed(null);
        }
    }

    @Override
    public void failed(Exception cause) {
        failure = cause;
        // Ends the stream rather than aborting it: what arrived before the failure stays readable, and the
        // reader meets the failure after it.
        buffer.markEndStream();
        head.completeExceptionally(cause);
    }

    @Override
    public void releaseResources() {
        // The buffer is dropped with the response; nothing else is held.
    }
}
