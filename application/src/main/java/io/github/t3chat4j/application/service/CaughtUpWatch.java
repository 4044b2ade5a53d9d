package io.github.t3chat4j.application.service;

import io.github.t3chat4j.application.port.in.ChatEventListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells a listener when it has caught up with a reply ({@link ChatEventListener#onCaughtUp()}): the relay
 * marks each wait for the next event, and one shared daemon thread, ticking every millisecond while any
 * reply is relayed, calls the listener once the same wait has lasted a whole tick. A blocking read gives
 * no sure sign that it is about to block (a chunked body's {@code available()} says 0 at every chunk
 * boundary, even with the next chunk buffered), so the wait is observed instead of predicted. The call
 * runs under this watch's lock, which the relay takes before delivering the next event, so it never
 * overlaps {@code onEvent}; after {@link #close()} it never comes.
 */
final class CaughtUpWatch implements AutoCloseable {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Set<CaughtUpWatch> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final CaughtUpWatch NONE = new CaughtUpWatch(null);
    private static Thread watcher;

    private final ChatEventListener listener;
    private volatile long waitNumber;
    private volatile boolean waiting;
    private long seenWait = -1;
    private long calledForWait = -1;
    private boolean closed;
    private RuntimeException failure;

    private CaughtUpWatch(ChatEventListener listener) {
        this.listener = listener;
    }

    /** A watch over {@code listener}'s reply; one that does nothing when the listener ignores the signal. */
    static CaughtUpWatch of(ChatEventListener listener) {
        if (!overridesOnCaughtUp(listener)) {
            return NONE;
        }
        CaughtUpWatch watch = new CaughtUpWatch(listener);
        ACTIVE.add(watch);
        wakeWatcher();
        return watch;
    }

    /** The relay is about to wait for the next event. */
    void waiting() {
        if (this != NONE) {
            waitNumber++;
            waiting = true;
        }
    }

    /**
     * The wait is over and an event (or the end) is about to be delivered: waits for a call to the listener
     * in progress, and rethrows what the listener threw from it.
     */
    void delivering() {
        if (this == NONE) {
            return;
        }
        RuntimeException thrown;
        synchronized (this) {
            waiting = false;
            thrown = failure;
            failure = null;
        }
        if (thrown != null) {
            throw thrown;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        ACTIVE.remove(this);
    }

    /** On the watcher thread, each tick: calls the listener when the wait seen a tick ago is still on. */
    private void tick() {
        long current = waitNumber;
        if (waiting && current == seenWait && current != calledForWait) {
            synchronized (this) {
                if (!closed && waiting && waitNumber == current) {
                    calledForWait = current;
                    try {
                        listener.onCaughtUp();
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
            }
        }
        seenWait = current;
    }

    private static boolean overridesOnCaughtUp(ChatEventListener listener) {
        try {
            return listener.getClass().getMethod("onCaughtUp").getDeclaringClass() != ChatEventListener.class;
        } catch (NoSuchMethodException impossible) {
            return false;
        }
    }

    private static synchronized void wakeWatcher() {
        if (watcher == null) {
            watcher = new Thread(CaughtUpWatch::watch, "t3chat4j-caught-up");
            watcher.setDaemon(true);
            watcher.start();
        } else {
            CaughtUpWatch.class.notifyAll();
        }
    }

    private static void watch() {
        while (true) {
            synchronized (CaughtUpWatch.class) {
                while (ACTIVE.isEmpty()) {
                    try {
                        CaughtUpWatch.class.wait();
                    } catch (InterruptedException e) {
                        // A daemon with nothing to clean up: keep watching for the next reply.
                    }
                }
            }
            LockSupport.parkNanos(TICK_NANOS);
            for (CaughtUpWatch watch : ACTIVE) {
                watch.tick();
            }
        }
    }
}
