package io.github.t3chat4j.adapter.mcp;

import java.util.ArrayList;
import java.util.List;

/**
 * The cancellation of one tool call: the host's {@code notifications/cancelled} (or the end of the
 * session) cancels it, and the call's actions (closing the reply at t3.chat) run once, at once when
 * registered after the fact. Thread-safe.
 */
final class CallCancellation {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** Cancels; runs every registered action once. Later calls do nothing. */
    void cancel() {
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

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel, or at once when already cancelled. */
    void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }
}
