package io.github.t3chat4j.adapter.cli;

import java.io.PrintWriter;

/** A one-line spinner on a terminal while waiting for the first event of a reply. */
interface Spinner {

    /** A spinner that shows nothing (for non-terminals). */
    Spinner NONE = () -> { };

    /** Stops and erases the spinner; idempotent, and safe from the thread that renders the reply. */
    void stop();

    static Spinner start(PrintWriter out) {
        Running running = new Running(out);
        running.thread.start();
        return running;
    }

    /** The animated spinner: a daemon thread redrawing a frame every 80 ms. */
    final class Running implements Spinner {
        private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
        private final PrintWriter out;
        private final Thread thread;
        private volatile boolean running = true;
        private boolean stopped;

        private Running(PrintWriter out) {
            this.out = out;
            this.thread = new Thread(this::spin, "t3-spinner");
            this.thread.setDaemon(true);
        }

        private void spin() {
            int frame = 0;
            while (running) {
                synchronized (this) {
                    if (!running) {
                        return;
                    }
                    out.print("\r\u001b[2m" + FRAMES[frame++ % FRAMES.length] + " thinking…\u001b[0m");
                    out.flush();
                }
                try {
                    Thread.sleep(80);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void stop() {
            synchronized (this) {
                if (stopped) {
                    return;
                }
                stopped = true;
                running = false;
                out.print("\r\u001b[K");
                out.flush();
            }
            thread.interrupt();
        }
    }
}
