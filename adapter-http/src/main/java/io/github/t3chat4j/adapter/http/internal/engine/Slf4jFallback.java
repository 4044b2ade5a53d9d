package io.github.t3chat4j.adapter.http.internal.engine;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOP_FallbackServiceProvider;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps SLF4J quiet for a program that has no logging backend: HttpClient logs through SLF4J 2, which
 * then prints "No SLF4J providers were found" on standard error. When no provider is on the class path
 * and the program named none ({@code slf4j.provider}), SLF4J is initialised once with its own no-op
 * provider, before HttpClient first asks it for a logger. A program with a backend keeps it, and gets
 * HttpClient's logs as before.
 */
final class Slf4jFallback {

    private static final String PROVIDER_PROPERTY = "slf4j.provider";
    private static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
    private static boolean checked;

    private Slf4jFallback() {
    }

    /** Does the above on the first call; later calls do nothing. */
    static synchronized void quietWithoutBackend() {
        if (checked) {
            return;
        }
        checked = true;
        try {
            if (System.getProperty(PROVIDER_PROPERTY) != null || hasProvider()) {
                return;
            }
            // SLF4J reports an explicitly named provider at INFO level on standard error; WARN hides that
            // report and nothing else. Both properties are only read while SLF4J initialises.
            boolean verbositySet = System.getProperty(VERBOSITY_PROPERTY) != null;
            System.setProperty(PROVIDER_PROPERTY, NOP_FallbackServiceProvider.class.getName());
            if (!verbositySet) {
                System.setProperty(VERBOSITY_PROPERTY, "WARN");
            }
            try {
                LoggerFactory.getILoggerFactory();
            } finally {
                System.clearProperty(PROVIDER_PROPERTY);
                if (!verbositySet) {
                    System.clearProperty(VERBOSITY_PROPERTY);
                }
            }
        } catch (LinkageError | SecurityException | ServiceConfigurationError unusual) {
            // An SLF4J older than 2.0, or a JVM that forbids setting properties: leave logging as it is.
        }
    }

    /** Whether SLF4J would find a provider, looked up as SLF4J does (without instantiating one). */
    private static boolean hasProvider() {
        return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader()).stream()
                .findAny().isPresent();
    }
}
