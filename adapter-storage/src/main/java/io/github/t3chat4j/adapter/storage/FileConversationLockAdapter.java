package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.ConversationBusyException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.ConversationStorePort.ConversationLock;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * One writer per conversation, across threads and processes: an exclusive lock on
 * {@code .locks/<threadId>.lock} in the conversations folder (the operating system's file lock, released
 * when the holder exits, even by {@code kill -9}), under an in-process permit per conversation (file locks
 * are per process, and one thread may not take the same conversation twice). The holder writes its process id into the file, so one that waits too long can say
 * who holds it. Waits up to {@code maxWait}, checking every {@code poll}.
 */
final class FileConversationLockAdapter {

    static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Path folder;
    private final Duration maxWait;
    /** One permit per lock file in this JVM, whichever adapter instance asks (file locks are per process). */
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    FileConversationLockAdapter(Path conversationsDir, Duration maxWait) {
        this.folder = requireNonNull(conversationsDir, "conversationsDir == null").resolve(".locks");
        this.maxWait = requireNonNull(maxWait, "maxWait == null");
    }

    /** See {@link io.github.t3chat4j.application.port.out.ConversationStorePort#lockConversation}. */
    ConversationLock lockConversation(ThreadId threadId, BooleanSupplier giveUp) {
        requireNonNull(threadId, "threadId == null");
        requireNonNull(giveUp, "giveUp == null");
        String name = threadId.value();
        if (!FileConversationAdapter.isStorable(name)) {
            // Such an id never names a stored file, so no other process can write it.
            return () -> { };
        }
        Semaphore local = IN_PROCESS.computeIfAbsent(folder.resolve(name + ".lock").toAbsolutePath().normalize(),
                key -> new Semaphore(1));
        long deadline = System.nanoTime() + maxWait.toNanos();
        waitFor(local, deadline, giveUp, name);
        try {
            return holdFileLock(name, deadline, giveUp, local);
        } catch (RuntimeException e) {
            local.release();
            throw e;
        }
    }

    private void waitFor(Semaphore local, long deadline, BooleanSupplier giveUp, String name) {
        try {
            while (!local.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (giveUp.getAsBoolean() || System.nanoTime() > deadline) {
                    throw busy(name, "another send of this program");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(name, "another send of this program");
        }
    }

    private ConversationLock holdFileLock(String name, long deadline, BooleanSupplier giveUp, Semaphore local) {
        Path file = folder.resolve(name + ".lock");
        FileChannel channel = open(file);
        if (channel == null) {
            // No lock file can be made where conversations are kept, so none can be saved there either: the
            // send goes on under the in-process permit, and its save reports the folder's trouble.
            return local::release;
        }
        try {
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                if (giveUp.getAsBoolean() || System.nanoTime() > deadline) {
                    throw busy(name, LockFiles.holder(channel));
                }
                sleep();
            }
            LockFiles.writeOwnPid(channel);
            FileLock held = lock;
            return () -> {
                try (channel) {
                    held.release();
                } catch (IOException ignored) {
                    // Closing the channel releases the lock anyway.
                } finally {
                    local.release();
                }
            };
        } catch (IOException e) {
            LockFiles.closeQuietly(channel);
            throw new StorageException("Could not lock the conversation " + name + " (" + IoReasons.of(e) + ").", e);
        } catch (RuntimeException e) {
            LockFiles.closeQuietly(channel);
            throw e;
        }
    }

    /** The lock file, open; null when it cannot be made (the folder is not one, or not writable). */
    private static FileChannel open(Path file) {
        try {
            return LockFiles.open(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static ConversationBusyException busy(String name, String holder) {
        return new ConversationBusyException("The conversation " + name + " is in use by " + holder
                + " (another send to it, in this program or another); try again when it has finished.");
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
