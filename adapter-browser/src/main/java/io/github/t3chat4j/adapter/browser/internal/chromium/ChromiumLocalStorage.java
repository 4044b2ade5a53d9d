package io.github.t3chat4j.adapter.browser.internal.chromium;

import io.github.t3chat4j.adapter.browser.internal.common.ProfileCopy;
import io.github.t3chat4j.application.error.BrowserProfileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBException;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.impl.Iq80DBFactory;

/**
 * The site's {@code convex-session-id} from Chromium's local storage, a LevelDB database in
 * {@code Local Storage/leveldb}, read with the pure-Java LevelDB port from a private copy. A value's key is
 * {@code _<origin>}, a zero byte, then the key name as a string; strings start with one byte that says how
 * the rest is encoded (1: Latin-1, 0: UTF-16LE). Chromium names its table files {@code .ldb}, the
 * original LevelDB name {@code .sst}, which is the only one the Java port reads: the copy is renamed.
 */
final class ChromiumLocalStorage {

    static final String ORIGIN = "https://t3.chat";
    static final String KEY = "convex-session-id";
    private static final byte LATIN_1 = 1;
    private static final byte UTF_16LE = 0;

    private ChromiumLocalStorage() {
    }

    static Optional<String> read(Path profile, ProfileCopy copy) {
        Path folder = profile.resolve("Local Storage").resolve("leveldb");
        if (!Files.isRegularFile(folder.resolve("CURRENT"))) {
            return Optional.empty();
        }
        Path copied = copy.copyFolder(folder, name -> name.endsWith(".ldb")
                ? name.substring(0, name.length() - ".ldb".length()) + ".sst" : name);
        try (DB db = Iq80DBFactory.factory.open(copied.toFile(), new Options().createIfMissing(false))) {
            return decode(db.get(key()));
        } catch (IOException | DBException | IllegalArgumentException | IllegalStateException e) {
            throw new BrowserProfileException("Could not read the local storage in " + folder + ": it is damaged or"
                    + " from a browser version not known here (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    static byte[] key() {
        byte[] origin = ("_" + ORIGIN).getBytes(StandardCharsets.ISO_8859_1);
        byte[] name = KEY.getBytes(StandardCharsets.ISO_8859_1);
        byte[] key = Arrays.copyOf(origin, origin.length + 2 + name.length);
        key[origin.length] = 0;
        key[origin.length + 1] = LATIN_1;
        System.arraycopy(name, 0, key, origin.length + 2, name.length);
        return key;
    }

    static Optional<String> decode(byte[] stored) {
        if (stored == null || stored.length < 2) {
            return Optional.empty();
        }
        byte[] rest = Arrays.copyOfRange(stored, 1, stored.length);
        if (stored[0] == LATIN_1) {
            return Optional.of(new String(rest, StandardCharsets.ISO_8859_1));
        }
        if (stored[0] == UTF_16LE) {
            return Optional.of(new String(rest, StandardCharsets.UTF_16LE));
        }
        return Optional.empty();
    }
}
