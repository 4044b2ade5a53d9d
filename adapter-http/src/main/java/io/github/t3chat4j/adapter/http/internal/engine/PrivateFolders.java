package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The private temporary folders (0700) that hold curl's request bodies (the chat body carries the convex
 * session id) for the moment curl needs them, and never outlive their process: the name carries the
 * process id, a shutdown hook deletes the folders still in use when the JVM is stopped (SIGTERM, Ctrl-C),
 * and the first engine of a run sweeps away the folders of processes that are gone (a {@code kill -9}).
 */
final class PrivateFolders {

    private static final long PID = ProcessHandle.current().pid();
    private static final String PREFIX = "t3chat4j-curl-pid";
    private static final Pattern NAME = Pattern.compile("t3chat4j-curl-pid(\\d{1,19})-[^/\\\\]*");
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    private PrivateFolders() {
    }

    /** A new private folder under the system's temporary folder, deleted at exit if still there. */
    static Path create() throws IOException {
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(PrivateFolders::deleteTree),
                        "t3chat4j-curl-cleanup"));
            } catch (IllegalStateException shuttingDown) {
                // A request made while the JVM stops: its folder is deleted when its exchange ends.
            }
        }
        Path folder = Files.createTempDirectory(PREFIX + PID + "-", owner());
        LIVE.add(folder);
        return folder;
    }

    /** Deletes {@code folder} and what it holds; nothing happens when it is already gone. */
    static void delete(Path folder) {
        deleteTree(folder);
        LIVE.remove(folder);
    }

    /**
     * Deletes, once per process, the folders that processes no longer running left in the temporary
     * folder; those of a {@code t3} still running are left alone, and those of other users cannot be touched.
     */
    static void sweepOnce() {
        if (!SWEPT.compareAndSet(false, true)) {
            return;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path folder : folders) {
                Matcher name = NAME.matcher(folder.getFileName().toString());
                if (name.matches() && !isAlive(Long.parseLong(name.group(1)))) {
                    deleteTree(folder);
                }
            }
        } catch (IOException | RuntimeException unlistable) {
            // Housekeeping only: a temporary folder that cannot be listed fails the request that needs it, if any.
        }
    }

    private static boolean isAlive(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException gone) {
            // Already deleted, or not ours: nothing more to do.
        }
    }

    private static FileAttribute<?>[] owner() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }
}
