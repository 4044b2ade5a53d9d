package io.github.t3chat4j.adapter.browser.internal.common;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.BrowserProfileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private temporary folder (owner-only) holding copies of a profile's databases, deleted with
 * everything in it on {@link #close()}. A running browser locks its databases (Firefox exclusively), so
 * they are read from a copy taken with their {@code -wal}, {@code -shm} and {@code -journal} files, which
 * hold changes not yet written into the database itself. Not thread-safe.
 */
public final class ProfileCopy implements AutoCloseable {

    private static final List<String> SIDECARS = List.of("-wal", "-shm", "-journal");

    private final Path folder;
    private int copies;

    private ProfileCopy(Path folder) {
        this.folder = folder;
    }

    /** A new empty private folder under the system's temporary folder. */
    public static ProfileCopy create() {
        try {
            Path folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("t3-browser-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("t3-browser-");
            return new ProfileCopy(folder);
        } catch (IOException e) {
            throw new BrowserProfileException("Could not create a private temporary folder to copy the browser's"
                    + " databases into (" + e.getClass().getSimpleName() + "). Check that the temporary folder"
                    + " is writable.", e);
        }
    }

    /** The private folder. */
    public Path folder() {
        return folder;
    }

    /**
     * Copies the SQLite database {@code database} with whichever of its side files exist; returns the
     * copy's path.
     *
     * @throws BrowserProfileException naming the file when it cannot be read
     */
    public Path copyDatabase(Path database) {
        requireNonNull(database, "database == null");
        Path target = nextFolder().resolve(database.getFileName().toString());
        copy(database, target);
        for (String sidecar : SIDECARS) {
            Path side = database.resolveSibling(database.getFileName() + sidecar);
            if (Files.isRegularFile(side)) {
                copy(side, target.resolveSibling(target.getFileName() + sidecar));
            }
        }
        return target;
    }

    /**
     * Copies the regular files of {@code source} (not its lock file), renaming each with {@code rename};
     * returns the copy's folder.
     */
    public Path copyFolder(Path source, java.util.function.UnaryOperator<String> rename) {
        Path target = nextFolder();
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("LOCK")) {
                    copy(file, target.resolve(rename.apply(name)));
                }
            }
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        return target;
    }

    private Path nextFolder() {
        try {
            return Files.createDirectory(folder.resolve(Integer.toString(++copies)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a folder in " + folder, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            if (!SIDECARS.stream().anyMatch(s -> from.getFileName().toString().endsWith(s))) {
                throw unreadable(from, e);
            }
            // A side file the browser removed while we copied: the database is complete without it.
        } catch (IOException e) {
            throw unreadable(from, e);
        }
    }

    private static BrowserProfileException unreadable(Path file, IOException e) {
        return new BrowserProfileException("Could not copy " + file + " (" + e.getClass().getSimpleName()
                + "). If the browser keeps it locked, close the browser and try again.", e);
    }

    /** Deletes the folder and every copy in it. */
    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the temporary copy " + folder, e);
        }
    }

    @Override
    public String toString() {
        return "ProfileCopy[" + folder + "]";
    }
}
