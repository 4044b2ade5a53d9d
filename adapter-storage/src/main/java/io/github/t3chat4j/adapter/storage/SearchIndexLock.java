package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.application.error.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One user of the search index at a time, across threads and processes: an exclusive lock on the
 * index's lock file (the operating system's, released when the holder exits however it exits) under a
 * permit per lock file in this JVM. A search holds it while it brings the index up to date and queries
 * it; the index file is never opened without it, so it can be rebuilt or replaced safely. The holder
 * writes its process id into the file, so a waiter that gives up can say who held it.
 */
final class SearchIndexLock {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private SearchIndexLock() {
    }

    /** A held lock; closing releases it. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock of {@code file}, waiting up to {@code maxWait}.
     *
     * @throws IOException when the lock file cannot be made (the folder is read-only, say)
     * @throws StorageException when another process held it all that time
     */
    static Held acquire(Path file, Duration maxWait) throws IOException {
        Semaphore local = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), key -> new Semaphore(1));
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!local.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy("another search of this program");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("another search of this program");
        }
        FileChannel channel = null;
        try {
            channel = LockFiles.open(file);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                if (System.nanoTime() > deadline) {
                    throw busy(LockFiles.holder(channel));
                }
                Thread.sleep(POLL.toMillis());
            }
            LockFiles.writeOwnPid(channel);
            FileChannel held = channel;
            FileLock heldLock = lock;
            return () -> {
                try (held) {
                    heldLock.release();
                } catch (IOException ignored) {
                    // Closing the channel releases the lock anyway.
                } finally {
                    local.release();
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LockFiles.closeQuietly(channel);
            local.release();
            throw busy("another process");
        } catch (IOException | RuntimeException e) {
            LockFiles.closeQuietly(channel);
            local.release();
            throw e;
        }
    }

    private static StorageException busy(String holder) {
        return new StorageException("The search index is in use by " + holder + " (another t3 bringing it up to"
                + " date); try again when it has finished.");
    }

}
