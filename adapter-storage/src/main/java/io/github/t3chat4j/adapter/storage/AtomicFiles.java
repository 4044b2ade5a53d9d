package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.StorageException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileSystemException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way this adapter writes a file, so that readers see the old content or the new, never a mix:
 * the bytes go to a temporary file with an unpredictable name in the same folder, owner-only (0600) on
 * POSIX like the folders it creates (0700); they are forced to disk, and the file is moved over the
 * target, atomically where the file system can. The temporary file is deleted when anything fails, and
 * the failure is a {@link StorageException} naming the target and the cause. Temporary files never
 * outlive their writer for long: the name carries the writer's process id; a JVM shutdown (Ctrl-C,
 * SIGTERM) deletes the ones still being written after a short grace (a save in progress is let finish), and the first write into a folder deletes those
 * whose process is gone (killed with {@code kill -9}, or a power cut). Thread-safe.
 */
final class AtomicFiles {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_PREFIX = 60;
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    /** Moves a file as {@link Files#move} does; a seam for tests. */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target, CopyOption... options) throws IOException;
    }

    /** Forces what was written through {@code channel} to the storage device; a seam for tests. */
    @FunctionalInterface
    interface Syncer {
        void force(FileChannel channel) throws IOException;
    }

    /** Writes the content of the file; it may close {@code out}, which only flushes it. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final long PID = ProcessHandle.current().pid();
    /** Matches our temporary files' names: {@code .<name>.pid<pid>.<random>.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("^\\..*\\.pid(\\d{1,19})\\.-?\\d+\\.tmp$");
    /** Temporary files being written now, deleted by the shutdown hook if the JVM stops first. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    /** How long a shutdown waits for the writes under way before deleting their temporary files. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private final Mover mover;
    private final Syncer syncer;

    AtomicFiles() {
        this(Files::move);
    }

    AtomicFiles(Mover mover) {
        this(mover, channel -> channel.force(true));
    }

    AtomicFiles(Mover mover, Syncer syncer) {
        this.mover = requireNonNull(mover, "mover == null");
        this.syncer = requireNonNull(syncer, "syncer == null");
    }

    /**
     * Replaces {@code target} with what {@code content} writes, creating missing folders. An unchecked
     * exception of {@code content} (a download that broke, say) is rethrown as it is.
     *
     * @throws StorageException naming {@code target} and the cause, when the disk refuses
     */
    void write(Path target, Content content) {
        requireNonNull(content, "content == null");
        Path file = requireNonNull(target, "target == null").toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || file.getFileName() == null) {
            throw new StorageException("Could not write " + file + ": it is not a file name.");
        }
        createFolders(file, folder);
        sweepOnce(folder);
        Path temporary;
        try {
            temporary = createPrivateFile(folder, file.getFileName().toString());
        } catch (IOException e) {
            throw failure(file, e);
        }
        IN_FLIGHT.add(temporary);
        boolean moved = false;
        try {
            writeAndForce(temporary, content);
            moveIntoPlace(temporary, file);
            moved = true;
        } catch (IOException e) {
            throw failure(file, e);
        } finally {
            IN_FLIGHT.remove(temporary);
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
        forceFolder(folder);
    }

    /**
     * Deletes, once per folder and process, the temporary files whose writer is gone; a file of a writer
     * still running (another {@code t3}) is left alone.
     */
    static void sweepOnce(Path folder) {
        if (!SWEPT.add(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path file : files) {
                Matcher name = TEMPORARY.matcher(file.getFileName().toString());
                if (name.matches() && !isAlive(Long.parseLong(name.group(1)))) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Sweeping is housekeeping: a folder that cannot be listed fails the write that follows, if at all.
        }
    }

    private static boolean isAlive(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * On exit, gives the writes under way a moment to finish (a conversation saved after Ctrl-C is one: it
     * must be kept), then deletes the temporary files of those that have not (a large file cut off by
     * SIGTERM).
     */
    private static void finishOrDelete() {
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        while (!IN_FLIGHT.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        IN_FLIGHT.forEach(AtomicFiles::deleteQuietly);
    }

    /** The first write of the process registers the hook that deletes unfinished temporary files on exit. */
    private static void hookShutdown() {
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::finishOrDelete, "t3chat4j-temp-cleanup"));
            } catch (IllegalStateException shuttingDown) {
                // The first write comes during shutdown (the reply saved after Ctrl-C): let it finish unguarded.
            }
        }
    }

    /** Creates {@code folder} and its missing parents with owner-only permissions on POSIX. */
    static void createPrivateDirectories(Path folder) throws IOException {
        if (isPosix(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
        } else {
            Files.createDirectories(folder);
        }
    }

    private static void createFolders(Path file, Path folder) {
        try {
            createPrivateDirectories(folder);
        } catch (IOException e) {
            Path culprit = e instanceof FileSystemException && ((FileSystemException) e).getFile() != null
                    ? Path.of(((FileSystemException) e).getFile()) : folder;
            throw new StorageException("Could not write " + file + ": the folder " + culprit
                    + " could not be created (" + IoReasons.of(e) + ").", e);
        }
    }

    private void writeAndForce(Path temporary, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
            content.writeTo(new KeptOpen(out));
            out.flush();
            syncer.force(channel);
        }
    }

    private void moveIntoPlace(Path temporary, Path file) throws IOException {
        try {
            mover.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            mover.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the move itself durable where a folder can be opened (POSIX); elsewhere the move has to do. */
    private void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            syncer.force(channel);
        } catch (IOException notSupported) {
            // The new content is in place already; only its survival of a power cut is less certain.
        }
    }

    private static Path createPrivateFile(Path folder, String targetName) throws IOException {
        // A leading dot keeps it out of listings; the name says what it becomes, the random part
        // (SecureRandom, created exclusively) keeps it unpredictable.
        hookShutdown();
        String prefix = "." + (targetName.length() > MAX_PREFIX ? targetName.substring(0, MAX_PREFIX) : targetName)
                + ".pid" + PID + ".";
        if (isPosix(folder)) {
            return Files.createTempFile(folder, prefix, ".tmp", PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
        }
        return Files.createTempFile(folder, prefix, ".tmp");
    }

    private static StorageException failure(Path file, IOException e) {
        return new StorageException("Could not write " + file + ": " + IoReasons.of(e) + ".", e);
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // The failure that led here is the one to report; the leftover is hidden and owner-only.
        }
    }

    /** Lets a writer close the stream (Jackson does) while the channel stays open to be forced. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
