package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.cli.Cli;
import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.cli.RunHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a new warm process does while it waits for its first run: a {@code t3 --demo ask} run against
 * the bundled fake server and a {@code t3 --demo conversations search} of what it saved, in a throw-away
 * home folder, output discarded, so that the classes a run needs (SQLite's driver and native library
 * among them) are loaded and its hot code compiled before a user's run needs them; and the HTTP client's
 * and TLS's own start-up ({@link EarlyStart}). Nothing of it is kept, and it touches no user file.
 */
final class WarmUp {

    private static final int RUNS = 1;

    private WarmUp() {
    }

    static void run(WarmPlace place) {
        EarlyStart.warm(true);
        Path home = place.folder().resolve("warm-up");
        try {
            deleteTree(home);
            Files.createDirectories(home);
            Map<String, String> env = Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                    "XDG_CONFIG_HOME", home.resolve("config").toString(), "XDG_CACHE_HOME",
                    home.resolve("cache").toString(), "XDG_STATE_HOME", home.resolve("state").toString());
            for (int i = 0; i < RUNS; i++) {
                PrintWriter discard = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(),
                        StandardCharsets.UTF_8));
                RunHost host = new RunHost() {
                    @Override
                    public Registration onInterrupt(Runnable action) {
                        return () -> { };
                    }

                    @Override
                    public boolean ownsProcess() {
                        return false;
                    }
                };
                for (String[] args : new String[][] {{"--demo", "ask", "warm up " + i},
                        {"--demo", "conversations", "search", "warm up"}}) {
                    Cli.run(new CliContext(discard, discard, InputStream.nullInputStream(), env, false, false, false,
                            new CompositionRoot(discard, home, null), home, host), args);
                }
            }
        } catch (IOException | RuntimeException e) {
            WarmServer.log("warm-up skipped: " + e.getClass().getSimpleName());
        } finally {
            try {
                deleteTree(home);
            } catch (IOException ignored) {
                // Left for the next warm-up to clear.
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
