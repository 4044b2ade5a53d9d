package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Engines of the {@code java} transport kept between the sets of adapters that use them, so that one
 * client's connections serve the next: one engine (one connection pool) per proxy rules and trusted
 * certificates, the only options that shape a connection; requests carry everything else, credentials
 * included (the engines keep no cookies). An engine is handed out as a lease: closing the lease aborts
 * the responses it left open and gives the engine back, without closing the connections. At most
 * {@code maxEngines} engines are kept; one unused for {@code keepIdle} is closed by {@link #closeIdle()}.
 * Thread-safe.
 */
public final class SharedEngines implements AutoCloseable {

    private record Key(ProxyRules proxies, Optional<Path> trustedCertificates) {
    }

    private final class Shared {
        private final HttpEngine engine;
        private int leases;
        private long lastReleased;

        Shared(HttpEngine engine) {
            this.engine = engine;
            this.lastReleased = clock.millis();
        }
    }

    private final int maxEngines;
    private final Duration keepIdle;
    private final Clock clock;
    private final Function<EngineOptions, HttpEngine> factory;
    private final Map<Key, Shared> engines = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    private SharedEngines(int maxEngines, Duration keepIdle, Clock clock, Function<EngineOptions, HttpEngine> factory) {
        if (maxEngines < 1) {
            throw new IllegalArgumentException("maxEngines must be at least 1");
        }
        this.maxEngines = maxEngines;
        this.keepIdle = requireNonNull(keepIdle, "keepIdle == null");
        this.clock = requireNonNull(clock, "clock == null");
        this.factory = requireNonNull(factory, "factory == null");
    }

    /** Java-transport engines, at most {@code maxEngines} of them, each closed after {@code keepIdle} unused. */
    public static SharedEngines create(int maxEngines, Duration keepIdle) {
        return new SharedEngines(maxEngines, keepIdle, Clock.systemUTC(), ApacheAsyncEngine::create);
    }

    /** With engines and a clock of the test's making. */
    static SharedEngines create(int maxEngines, Duration keepIdle, Clock clock,
            Function<EngineOptions, HttpEngine> factory) {
        return new SharedEngines(maxEngines, keepIdle, clock, factory);
    }

    /**
     * A lease on the engine for {@code options} (made on first use). When every kept engine is leased and
     * the limit is reached, the lease is on an engine of its own, closed with it.
     *
     * @throws IllegalStateException when these engines are closed
     */
    public HttpEngine lease(EngineOptions options) {
        requireNonNull(options, "options == null");
        Key key = new Key(options.proxies(), options.trustedCertificates());
        Shared shared;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The shared connections are closed.");
            }
            shared = engines.get(key);
            if (shared == null && (engines.size() < maxEngines || evictOneUnused())) {
                shared = new Shared(factory.apply(options));
                engines.put(key, shared);
            }
            if (shared != null) {
                shared.leases++;
            }
        }
        if (shared == null) {
            HttpEngine own = factory.apply(options);
            return new Lease(own, own::close);
        }
        Shared leased = shared;
        return new Lease(leased.engine, () -> release(leased));
    }

    private synchronized void release(Shared shared) {
        shared.leases--;
        shared.lastReleased = clock.millis();
    }

    /** Closes the least recently used engine nobody holds; false when every one is held. Caller holds the lock. */
    private boolean evictOneUnused() {
        for (Iterator<Shared> it = engines.values().iterator(); it.hasNext();) {
            Shared candidate = it.next();
            if (candidate.leases == 0) {
                it.remove();
                candidate.engine.close();
                return true;
            }
        }
        return false;
    }

    /** Closes the engines unused for the idle time; returns how many remain. */
    public int closeIdle() {
        List<HttpEngine> idle = new ArrayList<>();
        int remaining;
        synchronized (this) {
            long now = clock.millis();
            for (Iterator<Shared> it = engines.values().iterator(); it.hasNext();) {
                Shared shared = it.next();
                if (shared.leases == 0 && now - shared.lastReleased >= keepIdle.toMillis()) {
                    it.remove();
                    idle.add(shared.engine);
                }
            }
            remaining = engines.size();
        }
        idle.forEach(HttpEngine::close);
        return remaining;
    }

    /** How many engines are kept. */
    public synchronized int size() {
        return engines.size();
    }

    /** Closes every engine; leases still open break. */
    @Override
    public void close() {
        List<HttpEngine> all;
        synchronized (this) {
            closed = true;
            all = engines.values().stream().map(s -> s.engine).toList();
            engines.clear();
        }
        all.forEach(HttpEngine::close);
    }

    @Override
    public synchronized String toString() {
        return "SharedEngines[" + engines.size() + " of at most " + maxEngines + "]";
    }

    /**
     * One user's hold on an engine: tracks the responses it opened, aborts those still open when closed
     * (the user is done, or gone), and refuses new requests after.
     */
    private static final class Lease implements HttpEngine {
        private final HttpEngine engine;
        private final Runnable onClose;
        private final Set<EngineResponse> open = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(HttpEngine engine, Runnable onClose) {
            this.engine = engine;
            this.onClose = onClose;
        }

        @Override
        public EngineResponse execute(EngineRequest request) throws IOException {
            if (closed.get()) {
                throw new IllegalStateException("The HTTP adapters are closed.");
            }
            EngineResponse response = engine.execute(request);
            Tracked tracked = new Tracked(response);
            open.add(tracked);
            if (closed.get()) {
                tracked.abort();
                tracked.close();
                throw new IllegalStateException("The HTTP adapters are closed.");
            }
            return tracked;
        }

        @Override
        public String name() {
            return engine.name();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                for (EngineResponse response : List.copyOf(open)) {
                    response.abort();
                    response.close();
                }
                onClose.run();
            }
        }

        @Override
        public String toString() {
            return "Lease[" + engine + ", " + (closed.get() ? "closed" : "open") + "]";
        }

        /** A response that leaves the lease's open set when closed. */
        private final class Tracked extends DelegatingResponse {
            Tracked(EngineResponse response) {
                super(response);
            }

            @Override
            public void close() {
                open.remove(this);
                super.close();
            }
        }
    }
}
