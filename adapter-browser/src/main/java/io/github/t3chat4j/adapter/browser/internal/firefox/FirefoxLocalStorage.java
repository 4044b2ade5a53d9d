package io.github.t3chat4j.adapter.browser.internal.firefox;

import io.github.t3chat4j.adapter.browser.internal.common.ProfileCopy;
import io.github.t3chat4j.adapter.browser.internal.common.SqliteDatabase;
import io.github.t3chat4j.application.error.BrowserProfileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.xerial.snappy.Snappy;

/**
 * The site's {@code convex-session-id} from Firefox's local storage: first the per-origin database
 * {@code storage/default/https+++t3.chat/ls/data.sqlite} (table {@code data}: {@code compression_type} 1
 * means a Snappy-compressed value, and values are UTF-8), then, for profiles from before Firefox 68,
 * {@code webappsstore.sqlite}, which keys origins by their reversed host.
 */
final class FirefoxLocalStorage {

    static final String KEY = "convex-session-id";
    static final String ORIGIN_FOLDER = "https+++t3.chat";
    private static final int SNAPPY = 1;

    private FirefoxLocalStorage() {
    }

    static Optional<String> read(Path profile, ProfileCopy copy) {
        Path data = profile.resolve("storage/default").resolve(ORIGIN_FOLDER).resolve("ls/data.sqlite");
        if (Files.isRegularFile(data)) {
            SqliteDatabase database = new SqliteDatabase(copy.copyDatabase(data), data);
            List<Optional<String>> values = database.query(
                    "SELECT value, compression_type FROM data WHERE key = ?", row -> decode(row.getBytes(1),
                            row.getInt(2), data), KEY);
            if (!values.isEmpty() && values.get(0).isPresent()) {
                return values.get(0);
            }
        }
        Path legacy = profile.resolve("webappsstore.sqlite");
        if (Files.isRegularFile(legacy)) {
            SqliteDatabase database = new SqliteDatabase(copy.copyDatabase(legacy), legacy);
            if (database.hasTable("webappsstore2")) {
                return database.query("SELECT value FROM webappsstore2 WHERE originKey = ? AND key = ?"
                        + " AND (originAttributes IS NULL OR originAttributes = '')", row -> row.getString(1),
                        "tahc.3t.:https:443", KEY).stream().filter(v -> v != null && !v.isBlank()).findFirst();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decode(byte[] stored, int compression, Path file) {
        if (stored == null || stored.length == 0) {
            return Optional.empty();
        }
        byte[] bytes = stored;
        if (compression == SNAPPY) {
            try {
                bytes = Snappy.uncompress(stored);
            } catch (IOException e) {
                throw new BrowserProfileException("Could not decompress the convex-session-id value in " + file
                        + ": the database is damaged.", e);
            }
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
}
