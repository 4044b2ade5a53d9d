package io.github.t3chat4j.adapter.http;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the programs the adapters start (the {@code curl} of the curl transport) run: the environment
 * they take their few variables from, whose {@code PATH} finds them, and the folder they start in, against
 * which a relative program path or {@code PATH} entry is resolved. A program of its own passes
 * {@link #current()}; a process that serves many runs (t3's warm process) passes each run's.
 */
public record ProgramEnvironment(Map<String, String> variables, Path workingDirectory) {

    public ProgramEnvironment {
        variables = Map.copyOf(requireNonNull(variables, "variables == null"));
        requireNonNull(workingDirectory, "workingDirectory == null");
        if (!workingDirectory.isAbsolute()) {
            throw new IllegalArgumentException("workingDirectory must be absolute, got " + workingDirectory);
        }
    }

    /** This process's own environment and working folder. */
    public static ProgramEnvironment current() {
        return new ProgramEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }

    @Override
    public String toString() {
        // The variables may hold secrets (COOKIES): only their count is shown.
        return "ProgramEnvironment[" + variables.size() + " variables, " + workingDirectory + "]";
    }
}
