package io.github.t3chat4j.adapter.cli;

/**
 * Ctrl-C for a run that has the JVM to itself ({@link RunHost#PROCESS}), outside a line editor: a JVM
 * shutdown hook (SIGINT starts the JVM's shutdown, which then exits with 130). The hook cancels the reply
 * and waits briefly, so that what streamed so far is flushed before the JVM halts. Closing the
 * registration removes the hook.
 */
final class Interrupts {

    private static final long FLUSH_WAIT_MILLIS = 2_000;

    private Interrupts() {
    }

    /** Registers {@code action} as a shutdown hook; closing the registration removes it (unless the JVM is already shutting down). */
    static RunHost.Registration onShutdown(Runnable action) {
        Object done = new Object();
        boolean[] finished = {false};
        Thread hook = new Thread(() -> {
            action.run();
            synchronized (done) {
                long deadline = System.currentTimeMillis() + FLUSH_WAIT_MILLIS;
                while (!finished[0] && System.currentTimeMillis() < deadline) {
                    try {
                        done.wait(Math.max(1, deadline - System.currentTimeMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }, "t3-ctrl-c");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return () -> { };
        }
        return () -> {
            synchronized (done) {
                finished[0] = true;
                done.notifyAll();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it now sees finished and returns.
            }
        };
    }
}
