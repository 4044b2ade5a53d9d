package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.application.ExistingThreadPolicy;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** Import the browser history export at {@code source}; {@code existing} says what to do with stored threads. */
public record ImportHistoryCommand(Path source, ExistingThreadPolicy existing) {

    public ImportHistoryCommand {
        requireNonNull(source, "source == null");
        requireNonNull(existing, "existing == null");
    }

    /** Import {@code source}, skipping threads that are already stored. */
    public static ImportHistoryCommand of(Path source) {
        return new ImportHistoryCommand(source, ExistingThreadPolicy.SKIP);
    }
}
