package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code curl} program the curl engine runs, as {@code curl --version} describes it: its version
 * (at least {@value #MINIMUM}, for {@code --suppress-connect-headers}) and whether it speaks HTTP/2.
 */
record CurlBinary(String command, String version, boolean http2) {

    static final String MINIMUM = "7.54.0";
    private static final Pattern VERSION = Pattern.compile("^curl (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * Runs {@code command --version} in {@code environment}.
     *
     * @throws CurlUnavailableException when it cannot be run, is not curl, or is too old; the message says
     *     what to install
     */
    static CurlBinary probe(String command, Map<String, String> environment) {
        requireNonNull(command, "command == null");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command, "--version")).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new CurlUnavailableException("The curl transport needs the curl program, and '" + command
                    + "' could not be run (" + e.getMessage() + ").");
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
            output = "";
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CurlUnavailableException("Interrupted while asking '" + command + "' for its version.");
        }
        return parse(command, output);
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
