package io.github.t3chat4j.adapter.openai;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The exchanges being answered now, so a shutdown can wait for them to finish and then cut the rest
 * short. Thread-safe.
 */
final class InFlight {

    private final Set<Exchange> exchanges = new HashSet<>();
    private boolean closed;

    /** Adds {@code exchange}; false once the gateway is stopping (the caller answers 503). */
    synchronized boolean enter(Exchange exchange) {
        if (closed) {
            return false;
        }
        exchanges.add(exchange);
        return true;
    }

    synchronized void leave(Exchange exchange) {
        exchanges.remove(exchange);
        notifyAll();
    }

    /** Refuses new exchanges from now on. */
    synchronized void close() {
        closed = true;
    }

    synchronized int size() {
        return exchanges.size();
    }

    /** Waits until no exchange is left, at most {@code timeout}; true when none is left. */
    synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!exchanges.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Cuts every exchange still in flight short. */
    void shutDownAll() {
        Set<Exchange> left;
        synchronized (this) {
            left = new HashSet<>(exchanges);
        }
        left.forEach(Exchange::shutDown);
    }
}
