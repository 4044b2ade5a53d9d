package io.github.t3chat4j.testkit.node;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Node.js project that tests drive as a real client of our servers (the OpenAI, Anthropic and MCP
 * SDKs of npm): its {@code package.json}, {@code package-lock.json} and scripts live in a module's
 * test folder, and {@link #install} copies them under {@code target/} and runs {@code npm ci}, so the
 * exact versions of the lockfile are installed, once per lockfile (a later run with the same lock
 * reuses the installed {@code node_modules}).
 *
 * <p>Installing is the only step that reaches beyond loopback (the npm registry); the scripts then
 * talk to 127.0.0.1 only. Secrets (a gateway key) go to a script through its environment, never its
 * arguments. When Node or npm is missing, or the registry cannot be reached, {@link Installation}
 * says why, and the test skips with that reason.
 */
public final class NodeProject {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final String LOCK = "package-lock.json";
    /** Kept inside node_modules, which npm ci empties first: the mark goes when the installation does. */
    private static final String INSTALLED_MARK = "node_modules/.t3chat4j-installed-lock-sha256";

    private final Path folder;

    private NodeProject(Path folder) {
        this.folder = folder;
    }

    /** The outcome of {@link #install}: the project, or why there is none. */
    public record Installation(Optional<NodeProject> project, String reason) {

        public Installation {
            requireNonNull(project, "project");
            requireNonNull(reason, "reason");
        }

        public boolean installed() {
            return project.isPresent();
        }

        /** The project; call only when {@link #installed()}. */
        public NodeProject get() {
            return project.orElseThrow(() -> new IllegalStateException(reason));
        }
    }

    /** What a script printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {

        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }

        /** Both streams, for an assertion's description. */
        public String describe() {
            return "exit " + exitCode + (timedOut ? " (timed out)" : "") + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /**
     * Copies the project in {@code source} (every file but {@code node_modules}) into {@code into} and
     * runs {@code npm ci} there unless the same lockfile is already installed.
     */
    public static synchronized Installation install(Path source, Path into) {
        requireNonNull(source, "source");
        requireNonNull(into, "into");
        if (!Files.isRegularFile(source.resolve(LOCK))) {
            throw new IllegalArgumentException("No " + LOCK + " in " + source + ": a Node project of the tests is pinned by its lockfile");
        }
        Optional<String> missing = missingProgram();
        if (missing.isPresent()) {
            return new Installation(Optional.empty(), missing.get());
        }
        try {
            copyProject(source, into);
            String lockHash = sha256(into.resolve(LOCK));
            Path mark = into.resolve(INSTALLED_MARK);
            boolean current = Files.isRegularFile(mark)
                    && Files.readString(mark).strip().equals(lockHash);
            if (!current) {
                Result npm = execute(into, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"),
                        Map.of("npm_config_update_notifier", "false"), INSTALL_TIMEOUT);
                if (!npm.succeeded()) {
                    return new Installation(Optional.empty(), "npm ci could not install " + into.getFileName()
                            + " from its lockfile (is the npm registry reachable?): " + lastLines(npm.stderr(), 5));
                }
                Files.createDirectories(mark.getParent());
                Files.writeString(mark, lockHash);
            }
            return new Installation(Optional.of(new NodeProject(into)), "installed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the project was installed. */
    public Path folder() {
        return folder;
    }

    /**
     * Runs {@code node script args…} in the project's folder with the given extra environment (how a
     * script learns a base URL and a key), and waits at most {@code timeout}, killing it after that.
     */
    public Result run(String script, List<String> args, Map<String, String> environment, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.add(script);
        command.addAll(args);
        try {
            return execute(folder, command, environment, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> missingProgram() {
        for (String program : List.of("node", "npm")) {
            try {
                Result version = execute(Path.of("."), List.of(program, "--version"), Map.of(), Duration.ofSeconds(30));
                if (!version.succeeded()) {
                    return Optional.of(program + " --version failed: " + lastLines(version.stderr(), 3));
                }
            } catch (IOException e) {
                return Optional.of("No " + program + " on the PATH: this test drives a Node.js client (.ci/run installs Debian's nodejs and npm)");
            }
        }
        return Optional.empty();
    }

    private static void copyProject(Path source, Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                if (relative.toString().isEmpty() || relative.startsWith("node_modules")) {
                    continue;
                }
                Path target = into.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Result execute(Path directory, List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException {
        Path out = Files.createTempFile("node-out", ".txt");
        Path err = Files.createTempFile("node-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while " + command.get(0) + " ran", e);
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Result(finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), !finished);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.strip().lines().toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
