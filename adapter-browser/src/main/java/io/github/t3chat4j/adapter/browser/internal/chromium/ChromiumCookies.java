package io.github.t3chat4j.adapter.browser.internal.chromium;

import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.adapter.browser.internal.common.BrowserCookie;
import io.github.t3chat4j.adapter.browser.internal.common.SqliteDatabase;
import io.github.t3chat4j.adapter.browser.internal.common.T3ChatCookies;
import io.github.t3chat4j.application.error.BrowserProfileException;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.domain.browser.Browser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The t3.chat cookies of a Chromium {@code Cookies} database (table {@code cookies}), decrypted. A value
 * that cannot be decrypted fails the read, naming the cookie (never its value) and what to do: reading
 * on without it would sign in with a session the browser does not have.
 */
final class ChromiumCookies {

    /** Chromium counts {@code expires_utc} in microseconds from 1601-01-01. */
    private static final Instant WINDOWS_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

    private final BrowserConfig config;
    private final Browser browser;
    private final ChromiumKeys keys;

    ChromiumCookies(BrowserConfig config, Browser browser, ChromiumKeys keys) {
        this.config = config;
        this.browser = browser;
        this.keys = keys;
    }

    List<BrowserCookie> read(SqliteDatabase database, Path original) {
        int version = database.hasTable("meta") ? database.query("SELECT value FROM meta WHERE key = 'version'",
                row -> parseInt(row.getString(1))).stream().findFirst().orElse(0) : 0;
        List<Row> rows = database.query("SELECT host_key, name, value, encrypted_value, path, expires_utc"
                + " FROM cookies WHERE host_key IN (?, ?) ORDER BY creation_utc",
                row -> new Row(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4),
                        row.getString(5), row.getLong(6)),
                T3ChatCookies.STORED_HOSTS.get(0), T3ChatCookies.STORED_HOSTS.get(1));
        List<BrowserCookie> cookies = new ArrayList<>();
        for (Row row : rows) {
            String value = row.encrypted() == null || row.encrypted().length == 0
                    ? (row.plain() == null ? "" : row.plain())
                    : decrypt(row, version, original);
            cookies.add(new BrowserCookie(row.host(), row.name(), value, row.path() == null ? "/" : row.path(),
                    row.expiresUtc() <= 0 ? Optional.empty()
                            : Optional.of(WINDOWS_EPOCH.plus(row.expiresUtc(), ChronoUnit.MICROS))));
        }
        return cookies;
    }

    private String decrypt(Row row, int version, Path original) {
        byte[] encrypted = row.encrypted();
        String prefix = encrypted.length >= 3 ? new String(encrypted, 0, 3, StandardCharsets.US_ASCII) : "";
        if (config.platform() == BrowserConfig.Platform.WINDOWS || prefix.equals("v20")) {
            throw new BrowserProfileException(browser.displayName() + " on Windows encrypts its cookies with the"
                    + " Windows data protection API and, since 2024, application-bound encryption, which only the"
                    + " browser itself can undo: its cookies in " + original + " cannot be read.",
                    Remedy.OTHER_BROWSER);
        }
        if (!prefix.equals("v10") && !prefix.equals("v11")) {
            throw undecryptable(row, original, "its format ('" + printable(prefix) + "') is not a known one");
        }
        byte[] body = Arrays.copyOfRange(encrypted, 3, encrypted.length);
        for (byte[] key : keys.keys(prefix)) {
            Optional<String> value = CookieCipher.decrypt(key, body, row.host(), version);
            if (value.isPresent()) {
                return value.get();
            }
        }
        String why = config.platform() == BrowserConfig.Platform.MAC
                ? "it is encrypted with the key in the macOS Keychain, which was not given or did not fit ("
                        + keys.triedDescription() + "); allow the Keychain prompt and try again"
                : prefix.equals("v11")
                        ? "it is encrypted (v11) with the key in the desktop keyring, which was not given or did not"
                                + " fit (" + keys.triedDescription() + "); unlock the keyring (sign in to the"
                                + " desktop session) and try again"
                        : "it is encrypted (v10) with a key that did not fit";
        throw undecryptable(row, original, why);
    }

    private BrowserProfileException undecryptable(Row row, Path original, String why) {
        return new BrowserProfileException("Could not decrypt the cookie '" + row.name() + "' of "
                + browser.displayName() + " in " + original + ": " + why + ".", Remedy.OTHER_BROWSER);
    }

    private static String printable(String prefix) {
        return prefix.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? prefix : "binary";
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    private record Row(String host, String name, String plain, byte[] encrypted, String path, long expiresUtc) {
        @Override
        public String toString() {
            return "Row[" + host + " " + name + ", value redacted]";
        }
    }
}
