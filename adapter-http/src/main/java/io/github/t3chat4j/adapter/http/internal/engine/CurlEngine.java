package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine of the {@code curl} transport: every request runs the {@code curl} program once and
 * streams its output into the pipeline as it arrives. Secrets never reach curl's command line or
 * environment, which other users may read: the URL, headers (the cookie), proxy and proxy credentials
 * go in a config file on curl's standard input, the body in a private file (0600, in a 0700 folder of
 * {@link PrivateFolders}, deleted once the answer begins or the exchange fails), and curl gets only the
 * environment variables it needs to run (no proxy variables: the proxy is decided by {@link ProxyRules},
 * like for every engine). Aborting or closing an unfinished response kills the process. Thread-safe.
 */
public final class CurlEngine implements HttpEngine {

    /** The only variables of the parent's environment curl (or a wrapper script around it) gets. */
    private static final List<String> KEPT_VARIABLES = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE",
            "TZ", "TMPDIR", "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "SSL_CERT_FILE", "SSL_CERT_DIR", "CURL_CA_BUNDLE",
            "SYSTEMROOT");
    private static final AtomicInteger STDERR_THREADS = new AtomicInteger();

    private final EngineOptions options;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile CurlBinary binary;

    private CurlEngine(EngineOptions options, Map<String, String> environment, Path workingDirectory) {
        this.options = options;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    /**
     * An engine running {@code options.curl()}; curl itself is first looked at on the first request.
     *
     * @param parentEnvironment the environment to pick curl's few variables from (the process's own)
     */
    public static CurlEngine create(EngineOptions options, Map<String, String> parentEnvironment) {
        return create(options, parentEnvironment, Path.of("").toAbsolutePath());
    }

    /**
     * An engine whose curl is found, and runs, as from {@code workingDirectory} with {@code parentEnvironment}
     * ({@link CurlBinary#locate}).
     */
    public static CurlEngine create(EngineOptions options, Map<String, String> parentEnvironment,
            Path workingDirectory) {
        requireNonNull(options, "options == null");
        requireNonNull(parentEnvironment, "parentEnvironment == null");
        requireNonNull(workingDirectory, "workingDirectory == null");
        Map<String, String> kept = new TreeMap<>();
        parentEnvironment.forEach((name, value) -> {
            if (KEPT_VARIABLES.contains(name) || name.startsWith("LC_")) {
                kept.put(name, value);
            }
        });
        return new CurlEngine(options, Map.copyOf(kept), workingDirectory.toAbsolutePath());
    }

    /** The environment curl runs with. */
    Map<String, String> environment() {
        return environment;
    }

    /**
     * The curl this engine runs, checked once.
     *
     * @throws CurlUnavailableException when there is none, or it is too old
     */
    public CurlBinary binary() {
        CurlBinary known = binary;
        if (known == null) {
            known = CurlBinary.probe(options.curl(), environment, workingDirectory);
            binary = known;
        }
        return known;
    }

    @Override
    public EngineResponse execute(EngineRequest request) throws IOException {
        requireNonNull(request, "request == null");
        if (closed.get()) {
            throw new IllegalStateException("The HTTP adapters are closed.");
        }
        CurlBinary curl = binary();
        Path folder = PrivateFolders.create();
        Process process = null;
        try {
            Optional<Path> bodyFile = Optional.empty();
            byte[] body = request.body();
            if (body.length > 0 || request.method().equalsIgnoreCase("POST")) {
                Path file = folder.resolve("body");
                Files.createFile(file, privateFile());
                Files.write(file, body);
                bodyFile = Optional.of(file);
            }
            boolean https = request.uri().getScheme().toLowerCase(Locale.ROOT).equals("https");
            String config = CurlConfig.of(request, bodyFile, options.proxies().select(request.uri()),
                    https && curl.http2(), options.trustedCertificates());
            ProcessBuilder builder = new ProcessBuilder(List.of(curl.command(), "-q", "--config", "-"));
            builder.environment().clear();
            builder.environment().putAll(environment);
            CurlBinary.startIn(builder, workingDirectory);
            process = builder.start();
            // curl does not say when its request left, so the head is due within the read timeout of its start.
            HeadDeadline deadline = new HeadDeadline(request.timeouts());
            deadline.sent();
            deadline.arm(process::destroyForcibly);
            StderrCollector stderr = StderrCollector.start(process.getErrorStream());
            InputStream out = new BufferedInputStream(process.getInputStream());
            Optional<CurlHead> head;
            try {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(config.getBytes(StandardCharsets.UTF_8));
                }
                head = CurlHead.read(out, request.followRedirects());
            } catch (IOException e) {
                throw deadline.expired() ? deadline.timeout() : e;
            } finally {
                deadline.arrived();
            }
            if (deadline.expired()) {
                throw deadline.timeout();
            }
            if (head.isEmpty()) {
                int exit = exitCode(process);
                throw CurlFailure.of(exit == 0 ? 52 : exit, stderr.text(), false);
            }
            return new CurlResponse(process, head.get(), out, stderr);
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            throw e;
        } finally {
            // curl read the body when it parsed its options, long before an answer could begin: it goes now.
            PrivateFolders.delete(folder);
        }
    }

    /** curl's exit code once its output has ended; a curl that lingers is ended by force. */
    static int exitCode(Process process) throws IOException {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("curl did not end after its output did.");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while waiting for curl");
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] privateFile() {
        return posix() ? new java.nio.file.attribute.FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new java.nio.file.attribute.FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public void close() {
        closed.set(true);
    }

    /** {@code curl}, or the program's own name when it is a curl-impersonate wrapper ({@code curl_chrome131}). */
    static String name(String command) {
        String program = java.nio.file.Path.of(command).getFileName().toString();
        return program.startsWith("curl_") ? program : "curl";
    }

    @Override
    public String name() {
        return name(options.curl());
    }

    @Override
    public String toString() {
        return "CurlEngine[" + options.curl() + "]";
    }

    /** Drains curl's standard error on a thread of its own, keeping the first few kilobytes. */
    static final class StderrCollector {
        private static final int LIMIT = 4096;
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();
        private final Thread thread;

        private StderrCollector(InputStream in) {
            this.thread = new Thread(() -> drain(in), "t3chat4j-curl-stderr-" + STDERR_THREADS.incrementAndGet());
            this.thread.setDaemon(true);
        }

        static StderrCollector start(InputStream in) {
            StderrCollector collector = new StderrCollector(in);
            collector.thread.start();
            return collector;
        }

        private void drain(InputStream in) {
            byte[] buffer = new byte[1024];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (text) {
                        if (text.size() < LIMIT) {
                            text.write(buffer, 0, Math.min(n, LIMIT - text.size()));
                        }
                    }
                }
            } catch (IOException ended) {
                // The process is gone; what was read is all there is.
            }
        }

        /** What curl printed, once it has closed its standard error (waiting briefly for that). */
        String text() {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (text) {
                return text.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
