package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see the old content or the new, never a mix: the bytes go to a
 * temporary file in the same folder (owner-only on POSIX), are forced to disk, and the file is then
 * moved over the target. The temporary file is deleted when anything fails.
 */
final class AtomicFiles {

    private static final int BUFFER = 64 * 1024;
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    /** Moves the finished temporary file over the target; a seam for tests. */
    @FunctionalInterface
    interface Mover {
        void move(Path temporary, Path target) throws IOException;
    }

    /** Writes the content of the file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    static final Mover ATOMIC = (temporary, target) -> {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    };

    private final Mover mover;

    @Inject
    AtomicFiles() {
        this(ATOMIC);
    }

    AtomicFiles(Mover mover) {
        this.mover = requireNonNull(mover, "mover == null");
    }

    /** Replaces {@code target} with what {@code content} writes, creating missing folders (0700). */
    void write(Path target, Content content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        createPrivateDirectories(folder);
        Path temporary = createPrivateFile(folder, target.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            mover.move(temporary, target);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
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

    private static Path createPrivateFile(Path folder, String targetName) throws IOException {
        // A leading dot keeps the temporary file out of listings; the name says what it will become.
        String prefix = "." + (targetName.length() > 60 ? targetName.substring(0, 60) : targetName) + ".";
        if (isPosix(folder)) {
            FileAttribute<Set<PosixFilePermission>> privateFile = PosixFilePermissions.asFileAttribute(PRIVATE_FILE);
            return Files.createTempFile(folder, prefix, ".tmp", privateFile);
        }
        return Files.createTempFile(folder, prefix, ".tmp");
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // The original failure matters more; a stray hidden .tmp file is harmless.
        }
    }
}
