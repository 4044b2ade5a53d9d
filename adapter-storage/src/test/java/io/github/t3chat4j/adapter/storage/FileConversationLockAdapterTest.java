package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.ConversationBusyException;
import io.github.t3chat4j.application.port.out.ConversationStorePort.ConversationLock;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConversationLockAdapterTest {

    private static final ThreadId THREAD = ThreadId.of("thread-1");

    @TempDir
    Path conversations;

    @Test
    void letsASecondWriterIn_onlyAfterTheFirstReleases() throws Exception {
        FileConversationLockAdapter locks = new FileConversationLockAdapter(conversations, Duration.ofSeconds(30));
        List<String> order = new CopyOnWriteArrayList<>();

        ConversationLock first = locks.lockConversation(THREAD, () -> false);
        Thread second = new Thread(() -> {
            try (ConversationLock lock = locks.lockConversation(THREAD, () -> false)) {
                order.add("second");
            }
        });
        second.start();
        // The second writer is seen waiting for the lock (it polls, so it sleeps between tries) and has not
        // got in while the first holds it; a lock that let it through would have it finished and recorded.
        awaitWaiting(second);
        assertThat(order).isEmpty();
        order.add("first");
        first.close();
        second.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(second.isAlive()).isFalse();
        assertThat(order).containsExactly("first", "second");
    }

    /** Waits until {@code thread} is parked or sleeping, at most 10 seconds; fails when it ended instead. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            assertThat(thread.getState()).as("the second writer ran to its end").isNotEqualTo(Thread.State.TERMINATED);
            assertThat(System.nanoTime()).as("the second writer never waited").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void givesUpAtOnce_whenTheSendIsCancelledWhileWaiting() {
        FileConversationLockAdapter locks = new FileConversationLockAdapter(conversations, Duration.ofMinutes(5));

        try (ConversationLock held = locks.lockConversation(THREAD, () -> false)) {
            assertThatThrownBy(() -> locks.lockConversation(THREAD, () -> true))
                    .isInstanceOf(ConversationBusyException.class).hasMessageContaining("thread-1");
        }
    }

    @Test
    void locksOtherConversationsIndependently() {
        FileConversationLockAdapter locks = new FileConversationLockAdapter(conversations, Duration.ofMillis(200));

        try (ConversationLock one = locks.lockConversation(THREAD, () -> false);
                ConversationLock two = locks.lockConversation(ThreadId.of("thread-2"), () -> false)) {
            assertThat(Files.list(conversations.resolve(".locks"))).hasSize(2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void namesTheOtherProcess_whenItHoldsTheLockTooLong() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldConversationLockMain.class.getName(), conversations.toString(), THREAD.value())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            FileConversationLockAdapter locks = new FileConversationLockAdapter(conversations, Duration.ofMillis(300));

            assertThatThrownBy(() -> locks.lockConversation(THREAD, () -> false))
                    .isInstanceOf(ConversationBusyException.class)
                    .hasMessageContaining("process " + holder.pid());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        FileConversationLockAdapter locks = new FileConversationLockAdapter(conversations, Duration.ofSeconds(10));
        try (ConversationLock free = locks.lockConversation(THREAD, () -> false)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    conversations.resolve(".locks/thread-1.lock")))).isEqualTo("rw-------");
        }
    }
}
