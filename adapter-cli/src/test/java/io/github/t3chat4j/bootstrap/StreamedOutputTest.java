package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code t3 ask} over loopback writes the answer to a buffer and flushes it when the reply has caught up
 * with the network: a lone delta reaches standard output while the server still holds the rest, and a
 * fast reply of many deltas reaches it in far fewer writes than deltas.
 */
class StreamedOutputTest {

    private final FakeT3Server server = FakeT3Server.start();
    private final FlushRecorder stdout = new FlushRecorder();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private int ask() {
        Map<String, String> env = Map.of("COOKIES", "wos-session=x", "CONVEX_SESSION_ID", "c",
                "XDG_DATA_HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "HOME", home.toString());
        return Main.run(new PrintWriter(stdout), new PrintWriter(new StringWriter()), env, true, false,
                "--base-url", server.baseUrl().toString(), "ask", "hi");
    }

    @Test
    void showsALoneDelta_whileTheRestOfTheReplyIsStillToCome() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        server.defaultChat(Scenarios.gated(gate));

        CompletableFuture<Integer> asking = CompletableFuture.supplyAsync(this::ask);
        boolean shown = stdout.awaitFlushed(Scenarios.GATED_FIRST, 30);
        gate.countDown();

        assertThat(shown).as("the first delta was flushed before the server sent the rest").isTrue();
        assertThat(asking.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        assertThat(stdout.flushedText()).isEqualTo(Scenarios.GATED_FIRST + Scenarios.GATED_REST + "\n");
    }

    @Test
    void writesAReplyThatHasArrived_inFarFewerFlushesThanDeltas() {
        int deltas = 20_000;
        server.defaultChat(Scenarios.burst(deltas));

        int code = ask();

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(stdout.flushedText()).startsWith("w0 w1 w2 ").endsWith("w" + (deltas - 1) + " \n");
        assertThat(stdout.flushes()).isLessThan(deltas / 10);
    }

    /** A writer that keeps what was written and hands it on only when flushed, counting the flushes. */
    private static final class FlushRecorder extends Writer {
        private final StringBuilder pending = new StringBuilder();
        private final StringBuilder flushed = new StringBuilder();
        private int flushes;

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            pending.append(buffer, offset, length);
        }

        @Override
        public synchronized void flush() {
            if (pending.length() > 0) {
                flushes++;
                flushed.append(pending);
                pending.setLength(0);
                notifyAll();
            }
        }

        @Override
        public void close() {
            flush();
        }

        synchronized String flushedText() {
            return flushed.toString();
        }

        synchronized int flushes() {
            return flushes;
        }

        synchronized boolean awaitFlushed(String text, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (flushed.indexOf(text) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
