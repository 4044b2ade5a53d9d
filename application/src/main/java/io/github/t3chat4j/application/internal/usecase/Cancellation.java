package io.github.t3chat4j.application.internal.usecase;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets another thread (a Ctrl-C handler, a UI) cancel a reply while it streams. Cancelling closes the
 * open stream; the send then returns the partial reply marked cancelled. Thread-safe; one per send.
 */
public final class Cancellation {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** Cancels; runs every registered action once. Later calls do nothing. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel, or at once when already cancelled. */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }
}
