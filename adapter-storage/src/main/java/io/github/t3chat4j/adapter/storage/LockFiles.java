package io.github.t3chat4j.adapter.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The lock files of this adapter (one per conversation, one for the search index): owner-only files in
 * owner-only folders, locked with the operating system's file lock (released when the holder exits,
 * even by {@code kill -9}), holding the holder's process id so that a waiter can say who it waits for.
 */
final class LockFiles {

    private LockFiles() {
    }

    /** The lock file, created owner-only (and its folders) when missing, open for reading and writing. */
    static FileChannel open(Path file) throws IOException {
        Path folder = file.getParent();
        AtomicFiles.createPrivateDirectories(folder);
        if (Files.notExists(file) && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException raced) {
                // Another process made it first: fine, it is the same lock file.
            }
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * Writes this process's id into a lock file it holds, for one that waits; not forced to disk: it only
     * names the holder, and the lock itself lives in the operating system, not in the file (a forced write
     * cost every send a disk flush).
     */
    static void writeOwnPid(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
                0);
    }

    /** Who holds the lock, as far as its file tells: "process 1234", or a vaguer phrase. */
    static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            int n = channel.read(buffer, 0);
            String pid = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d{1,19}") ? "process " + pid : "another process";
        } catch (IOException e) {
            return "another process";
        }
    }

    /** Closes {@code channel} (releasing any lock on it), ignoring a failure; nothing for null. */
    static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing releases the lock; there is nothing more to do.
        }
    }
}
