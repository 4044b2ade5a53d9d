package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.StoredSettingsResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@link Settings}, highest first: command-line flags; the environment; a {@code .env} file in
 * the working folder ({@code KEY=VALUE} lines, {@code #} comments, optional quotes); and the stored
 * settings (the config file, read and written through the local use cases). The one reader of a run's
 * environment and working folder; it records where each value came from, and the {@link TrustBoundary}
 * judges that. Keys of {@link TrustClass#STORED_ONLY} are taken from the config file alone, keys of
 * {@link TrustClass#USER_ONLY} never from a {@code .env}.
 */
final class ConfigResolver {

    private final CliContext context;
    private final LocalClient local;
    private final List<String> warnings = new ArrayList<>();

    ConfigResolver(CliContext context, LocalClient local) {
        this.context = requireNonNull(context, "context == null");
        this.local = requireNonNull(local, "local == null");
    }

    /** The settings, with {@code flags} (key to value; null values are ignored) winning over everything. */
    Settings resolve(Map<String, String> flags) {
        return resolve(flags, stored());
    }

    /** Like {@link #resolve(Map)}, over stored settings read already. */
    Settings resolve(Map<String, String> flags, StoredSettingsResult stored) {
        List<Settings.Value> values = new ArrayList<>();
        put(values, stored.values(), Settings.Source.CONFIG_FILE);
        put(values, readDotEnv(), Settings.Source.DOTENV);
        Map<String, String> env = new HashMap<>();
        for (String key : Settings.KEYS) {
            context.env(key).ifPresent(v -> env.put(key, v));
        }
        put(values, env, Settings.Source.ENVIRONMENT);
        put(values, flags, Settings.Source.FLAG);
        return new Settings(values, context.workingDir());
    }

    private void put(List<Settings.Value> into, Map<String, String> from, Settings.Source source) {
        from.forEach((key, value) -> {
            if (!Settings.KEYS.contains(key) || value == null || value.isBlank()) {
                return;
            }
            if (Settings.trustOf(key) == TrustClass.STORED_ONLY && source != Settings.Source.CONFIG_FILE) {
                warnings.add(key + " in the " + source.label() + " is ignored: t3 writes it itself, into the"
                        + " config file, and reads it from there alone.");
                return;
            }
            if (Settings.trustOf(key) == TrustClass.USER_ONLY && source == Settings.Source.DOTENV) {
                warnings.add(key + " in the " + source.label() + " is ignored: where your runs are served is"
                        + " yours to say, in the environment or the config file.");
                return;
            }
            into.add(new Settings.Value(key, value, source));
        });
    }

    /** The stored settings and the config file's path. */
    StoredSettingsResult stored() {
        return local.settings();
    }

    /** Sets (or, for an empty value, removes) these stored settings; returns the config file's path. */
    String update(Map<String, Optional<String>> changes) {
        return local.updateSettings(changes).location();
    }

    Path dotEnvFile() {
        return context.workingDir().resolve(".env");
    }

    /**
     * The {@code .env} file's settings; a file that cannot be read, or is not UTF-8 text, is ignored with a
     * warning (a stray file in some folder must not stop every command).
     */
    Map<String, String> readDotEnv() {
        Path file = dotEnvFile();
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return parseDotEnv(text.lines().toList());
        } catch (CharacterCodingException e) {
            warnings.add(file + " is not UTF-8 text; its settings are ignored.");
        } catch (IOException e) {
            warnings.add(file + " could not be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); its settings are ignored.");
        }
        return Map.of();
    }

    /** Sentences about settings files that were ignored while resolving. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Parses {@code KEY=VALUE} lines; skips blanks and {@code #} comments; strips matching quotes and {@code export }. */
    static Map<String, String> parseDotEnv(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            values.put(key, value);
        }
        return values;
    }
}
