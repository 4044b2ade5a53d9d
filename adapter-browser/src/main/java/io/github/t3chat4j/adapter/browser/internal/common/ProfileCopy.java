package io.github.t3chat4j.adapter.browser.internal.common;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.BrowserProfileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private temporary folder (owner-only) holding copies of a profile's databases, deleted with
 * everything in it on {@link #close()}. A running browser locks its databases (Firefox exclusively), so
 * they are read from a copy taken with their {@code -wal}, {@code -shm} and {@code -journal} files, which
 * hold changes not yet written into the database itself. The copies hold the session in plain text, so
 * they never outlive the process: the folder's name carries the process id, a shutdown hook deletes it
 * when the JVM is stopped (SIGTERM, Ctrl-C), and the first copy of a run deletes the folders of processes
 * that are gone (a {@code kill -9}). Not thread-safe.
 */
public final class ProfileCopy implements AutoCloseable {

    private static final List<String> SIDECARS = List.of("-wal", "-shm", "-journal");
    private static final long PID = ProcessHandle.current().pid();
    /** The folders' names: {@code t3chat4j-browser-pid<pid>-<random>}. */
    static final String PREFIX = "t3chat4j-browser-pid";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{1,19})-[^/\\\\]*");
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final Path folder;
    private int copies;

    private ProfileCopy(Path folder) {
        this.folder = folder;
    }

    /** A new empty private folder under the system's temporary folder. */
    public static ProfileCopy create() {
        start();
        try {
            String prefix = PREFIX + PID + "-";
            Path folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(prefix,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(prefix);
            LIVE.add(folder);
            return new ProfileCopy(folder);
        } catch (IOException e) {
            throw new BrowserProfileException("Could not create a private temporary folder to copy the browser's"
                    + " databases into (" + e.getClass().getSimpleName() + "). Check that the temporary folder"
                    + " is writable.", e);
        }
    }

    /** Once a process: the hook that deletes the copies left at exit, and a sweep of dead processes' copies. */
    private static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ProfileCopy::deleteQuietly),
                    "t3chat4j-browser-copy-cleanup"));
        } catch (IllegalStateException shuttingDown) {
            // A copy made while the JVM stops is deleted by its close, as before.
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                PREFIX + "*")) {
            for (Path left : folders) {
                Matcher name = NAME.matcher(left.getFileName().toString());
                long pid = name.matches() ? Long.parseLong(name.group(1)) : PID;
                if (pid != PID && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    deleteQuietly(left);
                }
            }
        } catch (IOException | RuntimeException unlistable) {
            // Housekeeping only: the copy that follows fails on its own if the folder cannot be used.
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException | UncheckedIOException gone) {
            // Already deleted, or not ours.
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
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
        try {
            deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the temporary copy " + folder, e);
        } finally {
            LIVE.remove(folder);
        }
    }

    @Override
    public String toString() {
        return "ProfileCopy[" + folder + "]";
    }
}
