package io.github.t3chat4j.adapter.http.internal.browser;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium-family browser of this process's own, driven over the DevTools protocol through
 * two named pipes (no network port another user could connect to), with a fresh private profile
 * (a 0700 folder under the temporary folder) that {@link #close()} deletes with the browser. Nothing
 * secret is on its command line or in its environment (it gets only the few variables a browser needs):
 * cookies and requests reach it through the pipe. The browser is closed when this JVM shuts down
 * (Ctrl-C, SIGTERM), and it exits by itself when the pipe closes because this JVM died; the profile of
 * a JVM that died is deleted by the next launch. Thread-safe.
 */
public final class BrowserProcess implements AutoCloseable {

    /** The prefix of every private folder, followed by the owner's pid and a random part. */
    static final String FOLDER_PREFIX = "t3chat4j-browser-";
    private static final Pattern OWNER = Pattern.compile(Pattern.quote(FOLDER_PREFIX) + "(\\d+)-.*");

    /** The only variables of the parent's environment the browser gets. */
    private static final List<String> KEPT_VARIABLES = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE",
            "TZ", "TMPDIR", "LD_LIBRARY_PATH", "XDG_RUNTIME_DIR", "FONTCONFIG_PATH", "FONTCONFIG_FILE");

    /** Opens the pipes as file descriptors 3 and 4 of the browser, as {@code --remote-debugging-pipe} wants them. */
    private static final String LAUNCHER = "in=$1; out=$2; shift 2; exec \"$@\" 3<\"$in\" 4>\"$out\"";

    /** The flags every launch gets: headless, quiet, nothing fetched in the background, no keyring. */
    static final List<String> FLAGS = List.of("--headless", "--remote-debugging-pipe", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--disable-extensions", "--disable-gpu",
            "--disable-breakpad", "--disable-client-side-phishing-detection", "--disable-domain-reliability",
            "--no-pings", "--metrics-recording-only", "--password-store=basic", "--use-mock-keychain",
            "--mute-audio");

    private final Process process;
    private final Path folder;
    private final CdpConnection cdp;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BrowserProcess(Process process, Path folder, CdpConnection cdp) {
        this.process = process;
        this.folder = folder;
        this.cdp = cdp;
        this.shutdownHook = new Thread(this::close, "t3chat4j-browser-shutdown");
    }

    /**
     * Starts {@code program} headless with a new private profile and waits until it answers.
     *
     * @param flags more flags (a proxy, certificates to trust); never a secret
     * @param environment the parent's environment, of which the browser gets only a few variables
     * @param timeout how long the browser may take to start
     * @throws IOException naming the program and what it said when it cannot start
     */
    public static BrowserProcess launch(Path program, List<String> flags, Map<String, String> environment,
            Duration timeout, ObjectMapper json) throws IOException {
        requireNonNull(program, "program == null");
        sweepDeadProfiles(temporaryFolder());
        Path folder = Files.createTempDirectory(temporaryFolder(), FOLDER_PREFIX + ProcessHandle.current().pid() + "-",
                privateFolder());
        Process process = null;
        try {
            Path in = folder.resolve("commands");
            Path out = folder.resolve("answers");
            mkfifo(in, out);
            Path profile = Files.createDirectory(folder.resolve("profile"), privateFolder());
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", LAUNCHER, "t3chat4j-browser", in.toString(),
                    out.toString(), program.toString()));
            command.addAll(FLAGS);
            if (isRoot()) {
                // Chromium refuses to run as root with its sandbox; only its own pages and t3.chat's load here.
                command.add("--no-sandbox");
            }
            command.add("--user-data-dir=" + profile);
            command.addAll(flags);
            command.add("about:blank");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("browser.log").toFile());
            builder.environment().clear();
            builder.environment().putAll(keptVariables(environment));
            process = builder.start();
            Streams streams = openPipes(process, in, out, timeout, program);
            CdpConnection cdp = CdpConnection.open(streams.answers(), streams.commands(), json);
            BrowserProcess browser = new BrowserProcess(process, folder, cdp);
            try {
                Runtime.getRuntime().addShutdownHook(browser.shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                browser.close();
                throw new InterruptedIOException("This program is shutting down.");
            }
            try {
                cdp.call(null, "Browser.getVersion", null, timeout);
            } catch (IOException e) {
                String said = browser.log();
                browser.close();
                throw new IOException(program + " did not start" + (said.isEmpty() ? "" : ": " + said), e);
            }
            return browser;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                destroy(process);
            }
            deleteTree(folder);
            throw e;
        }
    }

    /** The DevTools connection. */
    public CdpConnection cdp() {
        return cdp;
    }

    /** The browser's process id. */
    public long pid() {
        return process.pid();
    }

    /** The private folder that holds the profile (deleted on close). */
    public Path folder() {
        return folder;
    }

    /** Whether the browser is still running. */
    public boolean isAlive() {
        return process.isAlive() && cdp.isOpen();
    }

    /**
     * Closes the browser (asking it first, then ending it and what it started) and deletes its profile.
     * Idempotent; also run by the shutdown hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (cdp.isOpen()) {
                try {
                    cdp.call(null, "Browser.close", null, Duration.ofSeconds(2));
                } catch (IOException gone) {
                    // Ended below.
                }
            }
            cdp.close();
            destroy(process);
            deleteTree(folder);
        } finally {
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook runs anyway, and finds this closed.
                }
            }
        }
    }

    /** The end of what the browser printed, on one line, for messages (it prints no secret). */
    String log() {
        try {
            String text = Files.readString(folder.resolve("browser.log"), StandardCharsets.UTF_8).strip();
            String last = text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
            return last.length() > 300 ? last.substring(last.length() - 300) : last;
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "BrowserProcess[pid " + process.pid() + (closed.get() ? ", closed" : "") + "]";
    }

    private record Streams(OutputStream commands, InputStream answers) {
    }

    /**
     * Opens our ends of the pipes in the order the launcher opens theirs (each open waits for the other
     * side); a browser that exits or hangs first releases the waiting opens and fails.
     */
    private static Streams openPipes(Process process, Path in, Path out, Duration timeout, Path program)
            throws IOException {
        CompletableFuture<Streams> opened = CompletableFuture.supplyAsync(() -> {
            try {
                OutputStream commands = new FileOutputStream(in.toFile());
                return new Streams(commands, new FileInputStream(out.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, BrowserProcess::daemon);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                try {
                    return opened.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        release(in, out);
                        opened.thenAccept(BrowserProcess::closeQuietly);
                        throw new IOException(program + (process.isAlive() ? " did not open its DevTools pipe in time"
                                : " exited at once (exit code " + process.exitValue() + ")"));
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IOException("Could not open the pipes to " + program, e.getCause());
        } catch (InterruptedException e) {
            release(in, out);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while starting the browser");
        }
    }

    /** Opens and closes the other side of each pipe, so that our own waiting opens return. */
    private static void release(Path in, Path out) {
        daemon(() -> {
            try {
                new FileInputStream(in.toFile()).close();
                new FileOutputStream(out.toFile()).close();
            } catch (IOException ignored) {
                // Nothing waits any more.
            }
        });
    }

    private static void closeQuietly(Streams streams) {
        try {
            streams.commands().close();
            streams.answers().close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "t3chat4j-browser-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void mkfifo(Path... pipes) throws IOException {
        List<String> command = new ArrayList<>(List.of("mkfifo", "-m", "600"));
        for (Path pipe : pipes) {
            command.add(pipe.toString());
        }
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("The browser transport needs the mkfifo program (coreutils), which could not be"
                    + " run: " + e.getMessage(), e);
        }
        try {
            String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IOException("mkfifo could not make the browser's pipes: " + output);
            }
        } catch (InterruptedException e) {
            mkfifo.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while making the browser's pipes");
        }
    }

    /** Ends the browser and every process it started, asking first and then by force. */
    private static void destroy(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(2, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static Map<String, String> keptVariables(Map<String, String> environment) {
        Map<String, String> kept = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (KEPT_VARIABLES.contains(name) || name.startsWith("LC_")) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static Path temporaryFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Deletes the private folders whose owner process is gone (a JVM that was killed). */
    static void sweepDeadProfiles(Path temporary) {
        try (Stream<Path> entries = Files.list(temporary)) {
            for (Path entry : entries.toList()) {
                Matcher owner = OWNER.matcher(entry.getFileName().toString());
                if (owner.matches() && Files.isDirectory(entry) && Files.isWritable(entry)
                        && ProcessHandle.of(Long.parseLong(owner.group(1))).filter(ProcessHandle::isAlive).isEmpty()) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            // A sweep is a courtesy; launching does not depend on it.
        }
    }

    static void deleteTree(Path root) {
        for (int attempt = 0; attempt < 3 && Files.exists(root); attempt++) {
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException stillBusy) {
                // The browser may still be writing as it exits: try again shortly.
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] privateFolder() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new java.nio.file.attribute.FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new java.nio.file.attribute.FileAttribute<?>[0];
    }
}
