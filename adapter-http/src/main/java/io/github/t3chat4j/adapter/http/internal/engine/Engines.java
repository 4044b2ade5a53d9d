package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Builds the engine of a transport; the one place that knows every engine. */
public final class Engines {

    /** The transports, as the adapter's configuration names them. */
    public enum Kind { JAVA, CURL, BROWSER }

    private Engines() {
    }

    /**
     * A new engine of {@code kind}.
     *
     * @param environment the process environment curl picks its few variables from
     * @throws InvalidInputException when the options cannot work with this engine (a SOCKS proxy for the
     *     JVM's client, an unreadable certificate file, no browser installed)
     */
    public static HttpEngine create(Kind kind, EngineOptions options, Map<String, String> environment) {
        return create(kind, options, environment, Path.of("").toAbsolutePath());
    }

    /** Like {@link #create(Kind, EngineOptions, Map)}, with curl found and run from {@code workingDirectory}. */
    public static HttpEngine create(Kind kind, EngineOptions options, Map<String, String> environment,
            Path workingDirectory) {
        requireNonNull(kind, "kind == null");
        requireNonNull(options, "options == null");
        // A curl killed with its JVM (kill -9) may have left a request body behind: any run that connects clears it.
        PrivateFolders.sweepOnce();
        if (kind == Kind.CURL) {
            return CurlEngine.create(options, environment, workingDirectory);
        }
        if (kind == Kind.BROWSER) {
            return BrowserEngine.create(options, environment);
        }
        try {
            return ApacheAsyncEngine.create(options);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new InvalidInputException("The certificates to trust could not be read: "
                    + e.getCause().getMessage());
        }
    }
}
