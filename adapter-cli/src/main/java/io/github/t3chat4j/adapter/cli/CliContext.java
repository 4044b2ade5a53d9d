package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * What every command gets from outside: the standard streams (as writers, so tests capture them), the
 * environment, whether standard input and output are terminals, and the client factory.
 */
public record CliContext(
        PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean stdinIsTerminal,
        boolean stdoutIsTerminal, ClientFactory clients) {

    public CliContext {
        requireNonNull(out, "out == null");
        requireNonNull(err, "err == null");
        requireNonNull(in, "in == null");
        env = Map.copyOf(requireNonNull(env, "env == null"));
        requireNonNull(clients, "clients == null");
    }

    /** A non-blank environment variable. */
    public Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
