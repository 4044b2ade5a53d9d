package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Transports in a row, each made on first use: a request goes to the current one, and when t3.chat's
 * edge {@link Checkpoint} turns it away (which means the app never saw the request, so sending it again
 * is safe) to the next, until one gets through; that one becomes the current transport for every later
 * request, and the {@link Listener} hears about it once. A transport that cannot run here (no browser
 * after all) is passed over; a network failure of the first one is the caller's, as with a single engine.
 * When every transport met the checkpoint (or, after the first, failed outright), the last answer is
 * returned, naming every transport tried and why those that failed did.
 * Thread-safe.
 */
public final class FallbackEngine implements HttpEngine {

    /** How much of a page is read to recognise a checkpoint that its headers do not show. */
    static final int PAGE_PREFIX = 8192;

    /** Hears when a transport other than the first got through. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param turnedAway the transports the checkpoint turned away, in order
         * @param through the one that got through, used from now on
         */
        void gotThrough(List<String> turnedAway, String through);
    }

    private final List<Transports.Choice> order = new ArrayList<>();
    private final Supplier<List<Transports.Choice>> others;
    private final Function<Transports.Choice, HttpEngine> make;
    private final Listener listener;
    private final List<HttpEngine> engines = new ArrayList<>();
    private final List<Boolean> unavailable = new ArrayList<>();
    private boolean expanded;
    private int current;
    private boolean closed;

    /**
     * @param first the transport to start with
     * @param others the transports to fall back to, in order (looked up when the first is turned away)
     * @param make makes a transport's engine, throwing {@link InvalidInputException} when it cannot run here
     */
    public FallbackEngine(Transports.Choice first, Supplier<List<Transports.Choice>> others,
            Function<Transports.Choice, HttpEngine> make, Listener listener) {
        this.others = requireNonNull(others, "others == null");
        this.make = requireNonNull(make, "make == null");
        this.listener = requireNonNull(listener, "listener == null");
        add(requireNonNull(first, "first == null"));
    }

    private void add(Transports.Choice choice) {
        order.add(choice);
        engines.add(null);
        unavailable.add(false);
    }

    /** The number of transports to try, the others looked up once one was turned away. */
    private synchronized int size(int tried) {
        if (tried >= order.size() && !expanded) {
            expanded = true;
            for (Transports.Choice choice : others.get()) {
                if (order.stream().noneMatch(c -> c.name().equals(choice.name()))) {
                    add(choice);
                }
            }
        }
        return order.size();
    }

    @Override
    public EngineResponse execute(EngineRequest request) throws IOException {
        int start;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The HTTP adapters are closed.");
            }
            start = current;
        }
        List<String> turnedAway = new ArrayList<>();
        EngineResponse blocked = null;
        for (int i = start; i < size(i); i++) {
            HttpEngine engine = engine(i, i == start);
            if (engine == null) {
                continue;
            }
            EngineResponse response;
            try {
                response = engine.execute(request);
            } catch (IOException | RuntimeException e) {
                if (i == start) {
                    throw e;
                }
                // A later transport that fails outright got nowhere either: the checkpoint's answer is what the
                // caller gets, naming it with why it could not run.
                turnedAway.add(choice(i).name() + " (could not run: " + e.getMessage() + ")");
                continue;
            }
            Peeked peeked = peek(response);
            if (peeked.checkpoint().isEmpty()) {
                if (blocked != null) {
                    blocked.close();
                }
                if (i != start) {
                    switchTo(i, turnedAway);
                }
                return peeked.response();
            }
            turnedAway.add(choice(i).name());
            if (blocked != null) {
                blocked.close();
            }
            blocked = peeked.response();
        }
        if (blocked == null) {
            throw new IOException("No transport could run here.");
        }
        return new Tried(blocked, turnedAway);
    }

    private synchronized Transports.Choice choice(int i) {
        return order.get(i);
    }

    /** The engine of transport {@code i}, made now if need be; null when it cannot run here (unless it must). */
    private HttpEngine engine(int i, boolean required) {
        synchronized (this) {
            if (engines.get(i) != null || unavailable.get(i)) {
                return engines.get(i);
            }
            try {
                engines.set(i, make.apply(order.get(i)));
            } catch (InvalidInputException e) {
                if (required) {
                    throw e;
                }
                unavailable.set(i, true);
            }
            return engines.get(i);
        }
    }

    private void switchTo(int i, List<String> turnedAway) {
        boolean first;
        synchronized (this) {
            first = current != i;
            current = i;
        }
        if (first) {
            listener.gotThrough(List.copyOf(turnedAway), choice(i).name());
        }
    }

    /** The transport requests go to now. */
    public synchronized String current() {
        return order.get(current).name();
    }

    @Override
    public String name() {
        return current();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            for (int i = 0; i < engines.size(); i++) {
                if (engines.get(i) != null) {
                    engines.get(i).close();
                    engines.set(i, null);
                }
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "FallbackEngine" + order.stream().map(Transports.Choice::name).toList();
    }

    private record Peeked(EngineResponse response, Optional<Checkpoint> checkpoint) {
    }

    /**
     * Whether {@code response} is the checkpoint: by its headers, or (for an error page) by the start of
     * its body, which the returned response still holds.
     */
    static Peeked peek(EngineResponse response) throws IOException {
        Optional<Checkpoint> byHead = Checkpoint.inHead(response.status(), response.headers());
        if (byHead.isPresent() || !Checkpoint.mayBePage(response.status(), response.headers())) {
            return new Peeked(response, byHead);
        }
        byte[] prefix;
        try {
            prefix = response.body().readNBytes(PAGE_PREFIX);
        } catch (IOException e) {
            response.close();
            throw e;
        }
        EngineResponse whole = new Prefixed(response, prefix);
        return new Peeked(whole, Checkpoint.in(response.status(), response.headers(),
                new String(prefix, StandardCharsets.UTF_8)));
    }

    /** A response whose start was read already: the body gives it back first. */
    private static final class Prefixed extends DelegatingResponse {
        private final InputStream body;

        Prefixed(EngineResponse response, byte[] prefix) {
            super(response);
            this.body = new SequenceInputStream(new ByteArrayInputStream(prefix), response.body());
        }

        @Override
        public InputStream body() {
            return body;
        }
    }

    /** The answer of the last transport, naming every transport the checkpoint turned away. */
    private static final class Tried extends DelegatingResponse {
        private final List<String> tried;

        Tried(EngineResponse response, List<String> tried) {
            super(response);
            this.tried = List.copyOf(tried);
        }

        @Override
        public List<String> triedEngines() {
            return tried;
        }
    }
}
