package io.github.t3chat4j.application.port.out;

import java.time.Duration;

/**
 * Waits, so that polling code can be tested without waiting: tests pass a recording fake.
 * {@link #THREAD_SLEEP} really sleeps; an interrupt ends the wait early and keeps the thread's
 * interrupt flag set.
 */
@FunctionalInterface
public interface SleepPort {

    /** Sleeps on the calling thread. */
    SleepPort THREAD_SLEEP = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    void sleep(Duration duration);
}
