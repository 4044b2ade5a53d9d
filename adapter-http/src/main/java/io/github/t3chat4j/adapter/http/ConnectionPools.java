package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.internal.engine.HttpEngine;
import io.github.t3chat4j.adapter.http.internal.engine.SharedEngines;
import java.time.Duration;

/**
 * Connection pools that outlive the adapters using them, for a process that makes a client per run and
 * serves many runs (t3's warm process): {@link HttpAdapters} made over them take their connections from
 * here, so a run finds the previous run's connection to t3.chat open (no TCP or TLS set-up before its
 * first byte). One pool per proxy and trusted certificates of the {@code java} transport, never per
 * credentials: the pools keep no cookies, and every request carries its own run's session. The curl
 * transport starts a process per request and pools nothing. Closing the adapters gives their pool back
 * (aborting their unfinished responses); {@link #closeIdle()} closes pools unused for a while. Thread-safe.
 */
public final class ConnectionPools implements AutoCloseable {

    private final SharedEngines engines;

    private ConnectionPools(SharedEngines engines) {
        this.engines = engines;
    }

    /** At most {@code maxPools} pools, each closed by {@link #closeIdle()} once unused for {@code keepIdle}. */
    public static ConnectionPools create(int maxPools, Duration keepIdle) {
        return new ConnectionPools(SharedEngines.create(maxPools, requireNonNull(keepIdle, "keepIdle == null")));
    }

    HttpEngine lease(HttpConfig config) {
        return engines.lease(HttpAdapters.engineOptions(config));
    }

    /** Closes the pools unused for the idle time; returns how many are kept. */
    public int closeIdle() {
        return engines.closeIdle();
    }

    /** How many pools are kept. */
    public int size() {
        return engines.size();
    }

    /** Closes every pool and its connections. */
    @Override
    public void close() {
        engines.close();
    }

    @Override
    public String toString() {
        return "ConnectionPools[" + engines.size() + "]";
    }
}
