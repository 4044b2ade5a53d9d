package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code curl} program the curl engine runs, as {@code curl --version} describes it: its version
 * (at least {@value #MINIMUM}, for {@code --suppress-connect-headers}) and whether it speaks HTTP/2.
 */
record CurlBinary(String command, String version, boolean http2) {

    static final String MINIMUM = "7.54.0";
    /** How long {@code --version} may take: curl answers in milliseconds. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern VERSION = Pattern.compile("^curl (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * Runs {@code command --version} in {@code environment}, in {@code workingDirectory}; the binary's
     * {@link #command()} is then the program found, so that every request runs the same one.
     *
     * @throws CurlUnavailableException when it cannot be run, is not curl, or is too old; the message says
     *     what to install
     */
    static CurlBinary probe(String command, Map<String, String> environment, Path workingDirectory) {
        requireNonNull(command, "command == null");
        String executable = locate(command, environment, workingDirectory).orElseThrow(() ->
                new CurlUnavailableException("The curl transport needs the curl program, and '" + command
                        + "' was not found" + (command.contains("/") ? "" : " on the PATH") + "."));
        Process process;
        try {
            // Nothing to read on its input, and a deadline: a program that waits for either never holds t3.
            ProcessBuilder builder = new ProcessBuilder(List.of(executable, "--version")).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL"
                            : "/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(environment);
            startIn(builder, workingDirectory);
            process = builder.start();
        } catch (IOException e) {
            throw new CurlUnavailableException("The curl transport needs the curl program, and '" + command
                    + "' could not be run (" + e.getMessage() + ").");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> readAtMost(process.getInputStream(), output), "t3chat4j-curl-version");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CurlUnavailableException("'" + command + "' did not answer --version within "
                        + PROBE_TIMEOUT.toSeconds() + " s, so it is not a curl that can be used.");
            }
            reader.join(PROBE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CurlUnavailableException("Interrupted while asking '" + command + "' for its version.");
        }
        CurlBinary parsed;
        synchronized (output) {
            parsed = parse(command, output.toString(StandardCharsets.UTF_8));
        }
        return new CurlBinary(executable, parsed.version(), parsed.http2());
    }

    /** Keeps the first 16 KB of what the program printed, reading on to its end so that it never blocks. */
    private static void readAtMost(InputStream in, ByteArrayOutputStream output) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (output) {
                    output.write(buffer, 0, Math.min(n, Math.max(0, 16 * 1024 - output.size())));
                }
            }
        } catch (IOException ended) {
            // The program is gone: what it printed is all there is.
        }
    }

    /**
     * The program {@code command} names, as a shell would find it: a path (one with a {@code /}) from
     * {@code workingDirectory}, else the first executable of that name on {@code environment}'s {@code PATH}
     * (an empty or relative entry taken from {@code workingDirectory}). Never the JVM's own {@code PATH} or
     * working folder, which a process serving many runs does not share with them.
     */
    static Optional<String> locate(String command, Map<String, String> environment, Path workingDirectory) {
        if (command.isBlank()) {
            return Optional.empty();
        }
        if (command.contains("/") || command.contains(File.separator)) {
            Path path = workingDirectory.resolve(command);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path.toString())
                    : Optional.empty();
        }
        // Without a PATH, the JDK's own default (the current folder is not searched).
        String path = environment.getOrDefault("PATH", "/bin" + File.pathSeparator + "/usr/bin");
        for (String dir : path.split(File.pathSeparator, -1)) {
            Path candidate = workingDirectory.resolve(dir).resolve(command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** Starts the process in {@code workingDirectory} when it is still a folder. */
    static void startIn(ProcessBuilder builder, Path workingDirectory) {
        if (Files.isDirectory(workingDirectory)) {
            builder.directory(workingDirectory.toFile());
        }
    }

    /** The binary whose {@code --version} printed {@code output}. */
    static CurlBinary parse(String command, String output) {
        Matcher m = VERSION.matcher(output.strip());
        if (!m.find()) {
            throw new CurlUnavailableException("'" + command + "' does not look like curl (its --version printed"
                    + " no curl version).");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String version = major + "." + minor + "." + patch;
        if (major < 7 || (major == 7 && (minor < 54))) {
            throw new CurlUnavailableException("'" + command + "' is curl " + version + ", too old for the curl"
                    + " transport.");
        }
        boolean http2 = output.lines().anyMatch(l -> l.startsWith("Features:") && l.contains("HTTP2"));
        return new CurlBinary(command, version, http2);
    }
}
