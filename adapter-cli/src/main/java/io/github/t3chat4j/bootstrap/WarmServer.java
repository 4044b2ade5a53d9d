package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.http.HttpAdapters;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The warm process: a {@code t3} JVM that stays up between runs and serves each run a client hands it
 * ({@link WarmRun}), with its HTTP connections kept open between them ({@link HttpAdapters.ConnectionPools}). One per
 * {@link WarmPlace} (a lock file); reached only through a Unix-domain socket in the user's private folder,
 * by processes of the same user (checked on every connection). It exits after {@code idle} without a run,
 * when its jar or JDK changes, when its socket is removed, or when asked ({@code t3 daemon stop}); a run
 * under way is let finish first. Its own environment holds nothing but locale and time zone, its working
 * folder is empty, its standard input is empty and its output goes to its log, which never holds anything
 * of a run.
 */
final class WarmServer {

    /**
     * A JVM option ({@code -Dt3.warm.noWarmUp=true}) for the tests, which start a warm process per test
     * and run at once: the warm-up would only compete with their runs for the CPU.
     */
    static final String NO_WARM_UP = "t3.warm.noWarmUp";

    /** More runs at once than this are refused (and served by their own JVM). */
    static final int MAX_RUNS = 32;
    /** A connection pool unused this long is closed. */
    private static final Duration KEEP_POOL = Duration.ofMinutes(5);
    /** After this long without a run, the heap is given back to the system once. */
    private static final long TRIM_AFTER_MILLIS = 30_000;
    private static final long LOG_LIMIT = 256 * 1024;
    /** How long a new warm process waits for one that is stopping to let go of the lock. */
    private static final long LOCK_WAIT_MILLIS = 10_000;

    private final WarmPlace place;
    private final String build;
    private final String jdk;
    private final Map<String, String> jvmShaping;
    private final ServerSocketChannel listener;
    private final FileChannel lockFile;
    private final Object fileKeyOfSocket;
    private final UserPrincipal owner;
    private final HttpAdapters.ConnectionPools pools = HttpAdapters.ConnectionPools.create(4, KEEP_POOL);
    private final Instant started = Instant.now();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong lastActivity = new AtomicLong(System.currentTimeMillis());
    private final AtomicInteger runNumber = new AtomicInteger();
    private volatile long idleMillis;
    private volatile boolean stopping;
    private volatile String stopReason = "";
    private volatile String lastRefusal = "none";
    private volatile boolean trimmed;

    private WarmServer(WarmPlace place, String build, String jdk, ServerSocketChannel listener, FileChannel lockFile,
            Object fileKeyOfSocket, UserPrincipal owner, long idleMillis) {
        this.place = place;
        this.build = build;
        this.jdk = jdk;
        this.listener = listener;
        this.lockFile = lockFile;
        this.fileKeyOfSocket = fileKeyOfSocket;
        this.owner = owner;
        this.idleMillis = idleMillis;
        Map<String, String> shaping = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (WarmRequest.shapesTheJvm(name)) {
                shaping.put(name, value);
            }
        });
        this.jvmShaping = Map.copyOf(shaping);
    }

    /** {@code WarmServer FOLDER IDLE_MILLIS}: serves until idle or stopped; exits at once when another serves. */
    public static void main(String[] args) {
        if (System.getProperty(Main.GUICE_BYTECODE_GEN) == null) {
            System.setProperty(Main.GUICE_BYTECODE_GEN, "DISABLED");
        }
        // Nothing of a run may come from this process's own input: each run has the client's.
        System.setIn(InputStream.nullInputStream());
        Optional<WarmServer> server;
        try {
            server = open(Path.of(args[0]), Long.parseLong(args[1]));
        } catch (IOException | RuntimeException e) {
            log("not started: " + e);
            System.exit(1);
            return;
        }
        if (server.isEmpty()) {
            log("another warm process serves this folder; exiting");
            System.exit(0);
            return;
        }
        server.get().serve();
        System.exit(0);
    }

    /** Takes the place's lock and listens on its socket; empty when another warm process holds the lock. */
    static Optional<WarmServer> open(Path folder, long idleMillis) throws IOException {
        Path jar = WarmClient.ownJar().orElseThrow(() -> new IOException("not started from a jar"));
        WarmPlace place = WarmPlace.at(folder, jar, System.getProperty("java.home"));
        if (!place.isPrivate()) {
            throw new IOException(folder + " is not a private folder of this user");
        }
        FileChannel lockFile = FileChannel.open(place.lock(), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        // Another holds the lock: one that serves (this one was started in a race) is left to it; one that
        // is stopping (its jar was replaced) holds it only until its last run ends.
        FileLock lock = lockFile.tryLock();
        for (long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
                lock == null && System.currentTimeMillis() < deadline; lock = lockFile.tryLock()) {
            SocketChannel serving = WarmClient.connect(place);
            if (serving != null) {
                serving.close();
                break;
            }
            sleep(100);
        }
        if (lock == null) {
            lockFile.close();
            return Optional.empty();
        }
        trimLog(place.log());
        Files.deleteIfExists(place.socket());
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(place.socket()));
        Files.setPosixFilePermissions(place.socket(), PosixFilePermissions.fromString("rw-------"));
        Object fileKey = Files.readAttributes(place.socket(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
        Files.deleteIfExists(place.starting());
        WarmServer server = new WarmServer(place, WarmPlace.build(jar), jdkStamp(), listener, lockFile, fileKey,
                WarmPlace.currentUser(), idleMillis);
        log("serving (pid " + ProcessHandle.current().pid() + ", stops after " + describe(idleMillis)
                + " without a run)");
        return Optional.of(server);
    }

    /** Accepts runs until stopped, then waits for those under way and releases everything. */
    void serve() {
        Thread housekeeping = new Thread(this::keepHouse, "t3-warm-housekeeping");
        housekeeping.setDaemon(true);
        housekeeping.start();
        if (!Boolean.getBoolean(NO_WARM_UP)) {
            Thread warmUp = new Thread(() -> WarmUp.run(place), "t3-warm-up");
            warmUp.setDaemon(true);
            warmUp.setPriority(Thread.MIN_PRIORITY);
            warmUp.start();
        }
        while (!stopping) {
            SocketChannel connection;
            try {
                connection = listener.accept();
            } catch (ClosedChannelException closed) {
                break;
            } catch (IOException e) {
                log("accept failed: " + e.getMessage());
                continue;
            }
            Thread thread = new Thread(new WarmRun(this, connection), WarmRun.THREAD_PREFIX + runNumber.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
        stop("stopped");
        while (active.get() > 0) {
            sleep(50);
        }
        pools.close();
        log("exiting: " + stopReason);
        try {
            lockFile.close();
        } catch (IOException ignored) {
            // Released at exit anyway.
        }
    }

    /** Stops taking runs; the process exits once the runs under way end. */
    void stop(String reason) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            stopReason = reason;
        }
        log("stopping: " + reason);
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closed enough.
        }
        try {
            // Only this process's socket: a later one's is another file.
            if (fileKeyOfSocket != null && fileKeyOfSocket.equals(Files.readAttributes(place.socket(),
                    BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey())) {
                Files.deleteIfExists(place.socket());
            }
        } catch (IOException ignored) {
            // Gone already.
        }
    }

    /** Every few seconds: stops when idle or outdated, closes unused connection pools, trims the heap. */
    private void keepHouse() {
        while (!stopping) {
            sleep(Math.max(100, Math.min(5_000, idleMillis / 4)));
            String outdated = outdated();
            if (outdated != null) {
                stop(outdated);
                return;
            }
            pools.closeIdle();
            long quiet = System.currentTimeMillis() - lastActivity.get();
            if (active.get() == 0 && quiet >= idleMillis) {
                stop("no run for " + describe(quiet));
                return;
            }
            if (active.get() == 0 && quiet >= TRIM_AFTER_MILLIS && !trimmed) {
                // The serial collector gives memory back at a full collection; one now, while nothing runs.
                trimmed = true;
                System.gc();
            }
        }
    }

    /** Why this process must not serve any more (its jar or JDK changed, its socket is gone), or null. */
    private String outdated() {
        try {
            if (!build.equals(WarmPlace.build(place.jar()))) {
                return "its jar changed";
            }
        } catch (IOException e) {
            return "its jar is gone";
        }
        if (!jdk.equals(jdkStamp())) {
            return "its JDK changed";
        }
        try {
            Object key = Files.readAttributes(place.socket(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
            if (fileKeyOfSocket != null && !fileKeyOfSocket.equals(key)) {
                return "its socket was replaced";
            }
        } catch (NoSuchFileException e) {
            return "its socket was removed";
        } catch (IOException e) {
            return "its socket cannot be read";
        }
        return null;
    }

    /** The JDK's identity on disk: its modules file, which every update of the JDK replaces. */
    private static String jdkStamp() {
        try {
            BasicFileAttributes modules = Files.readAttributes(Path.of(System.getProperty("java.home"), "lib",
                    "modules"), BasicFileAttributes.class);
            return modules.size() + " " + modules.lastModifiedTime().toMillis() + " " + modules.fileKey();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Why {@code request} cannot be served here, or null: another protocol or build, JVM settings (locale,
     * time zone) that differ from this process's, a stop under way, or too many runs at once.
     */
    String refusal(WarmRequest request) {
        if (!request.build().equals(build)) {
            String outdated = outdated();
            if (outdated != null) {
                stop(outdated);
            }
            return WarmClient.OUTDATED;
        }
        if (stopping) {
            return WarmClient.STOPPING;
        }
        Map<String, String> shaping = new HashMap<>();
        request.env().forEach((name, value) -> {
            if (WarmRequest.shapesTheJvm(name)) {
                shaping.put(name, value);
            }
        });
        if (!shaping.equals(jvmShaping)) {
            return "another locale or time zone";
        }
        if (active.get() >= MAX_RUNS) {
            return "too many runs at once";
        }
        return null;
    }

    /** Whether a peer of the socket runs as the user this process serves. */
    boolean isOwner(UserPrincipal peer) {
        return owner.equals(peer);
    }

    void refused(String reason) {
        lastRefusal = reason;
    }

    /** A run begins: it keeps the process from idling out, and asks for the idle time its settings give. */
    void runStarted(WarmRequest request) {
        active.incrementAndGet();
        trimmed = false;
        lastActivity.set(System.currentTimeMillis());
        if (request.idleMillis() > 0) {
            idleMillis = request.idleMillis();
        }
    }

    /** A run was served here (not handed back to its client). */
    void served() {
        served.incrementAndGet();
    }

    /** A run ended, served or handed back. */
    void runEnded() {
        lastActivity.set(System.currentTimeMillis());
        active.decrementAndGet();
    }

    HttpAdapters.ConnectionPools pools() {
        return pools;
    }

    /** What {@code t3 daemon status} shows, one {@code name: value} line each; never anything of a run. */
    String status() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        List<String> lines = new ArrayList<>();
        lines.add("pid: " + ProcessHandle.current().pid());
        lines.add("up: " + describe(Duration.between(started, Instant.now()).toMillis()));
        lines.add("runs served: " + served.get());
        lines.add("runs under way: " + active.get());
        lines.add("idle: " + describe(System.currentTimeMillis() - lastActivity.get()) + " (stops after "
                + describe(idleMillis) + " without a run)");
        lines.add("threads: " + ManagementFactory.getThreadMXBean().getThreadCount());
        lines.add("run threads: " + Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t != Thread.currentThread() && t.getName().startsWith(WarmRun.THREAD_PREFIX)).count());
        lines.add("heap: " + used / (1024 * 1024) + " MB used, " + runtime.totalMemory() / (1024 * 1024)
                + " MB reserved");
        lines.add("connection pools: " + pools.size());
        lines.add("last refusal: " + lastRefusal);
        lines.add("socket: " + place.socket());
        lines.add("log: " + place.log());
        lines.add("jar: " + place.jar());
        lines.add("java: " + place.javaHome() + " (" + System.getProperty("java.vm.version") + ")");
        if (stopping) {
            lines.add("stopping: " + stopReason);
        }
        return String.join("\n", lines) + "\n";
    }

    /** {@code millis} as people say it: 850ms, 42s, 3m 12s, 1h 5m. */
    static String describe(long millis) {
        if (millis < 1_000) {
            return millis + "ms";
        }
        long seconds = millis / 1_000;
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
        }
        return seconds / 3_600 + "h" + (seconds % 3_600 / 60 == 0 ? "" : " " + seconds % 3_600 / 60 + "m");
    }

    /** One line to the log (this process's standard output): lifecycle only, nothing of a run. */
    static void log(String line) {
        System.out.println(Instant.now() + " t3 warm process: " + line);
        System.out.flush();
    }

    /** Keeps the log small: a long one is emptied when a warm process starts. */
    private static void trimLog(Path log) {
        try {
            if (Files.size(log) > LOG_LIMIT) {
                try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                }
            }
        } catch (IOException ignored) {
            // No log, or not ours to trim: nothing to do.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
