package io.github.t3chat4j.adapter.http.internal.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that ends what outlived a deadline: an answer head that does not arrive, a reply
 * that passed its idle or total timeout, a tail that does not come. What it runs must be quick (an
 * abort, a kill).
 */
public final class Watchdog {

    private static final ScheduledExecutorService GUARD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "t3chat4j-http-guard");
        t.setDaemon(true);
        return t;
    });

    private Watchdog() {
    }

    /** Runs {@code action} once, after {@code delay}; cancelling the result stops it. */
    public static ScheduledFuture<?> after(Duration delay, Runnable action) {
        return GUARD.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} every {@code period} until the result is cancelled. */
    public static ScheduledFuture<?> every(Duration period, Runnable action) {
        return GUARD.scheduleWithFixedDelay(action, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }
}
