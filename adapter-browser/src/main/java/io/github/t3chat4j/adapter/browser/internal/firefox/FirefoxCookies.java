package io.github.t3chat4j.adapter.browser.internal.firefox;

import io.github.t3chat4j.adapter.browser.internal.common.BrowserCookie;
import io.github.t3chat4j.adapter.browser.internal.common.SqliteDatabase;
import io.github.t3chat4j.adapter.browser.internal.common.T3ChatCookies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The t3.chat cookies of Firefox's {@code cookies.sqlite} (table {@code moz_cookies}). A profile may hold
 * several cookie jars, one per container tab ({@code originAttributes} such as {@code ^userContextId=2});
 * the default jar wins, else the first container's; partitioned third-party jars are never used.
 */
final class FirefoxCookies {

    private FirefoxCookies() {
    }

    static List<BrowserCookie> read(SqliteDatabase cookies) {
        List<Row> rows = cookies.query("SELECT host, name, value, path, expiry, originAttributes FROM moz_cookies"
                + " WHERE host IN (?, ?) ORDER BY id", row -> new Row(row.getString(6) == null ? "" : row.getString(6),
                new BrowserCookie(row.getString(1), row.getString(2), row.getString(3) == null ? "" : row.getString(3),
                        row.getString(4) == null ? "/" : row.getString(4), expiry(row.getLong(5)))),
                T3ChatCookies.STORED_HOSTS.get(0), T3ChatCookies.STORED_HOSTS.get(1));
        Map<String, List<BrowserCookie>> jars = new LinkedHashMap<>();
        for (Row row : rows) {
            if (!row.originAttributes().contains("partitionKey")) {
                jars.computeIfAbsent(row.originAttributes(), k -> new java.util.ArrayList<>()).add(row.cookie());
            }
        }
        if (jars.containsKey("")) {
            return jars.get("");
        }
        return jars.values().stream().findFirst().orElse(List.of());
    }

    private static Optional<Instant> expiry(long expiry) {
        if (expiry <= 0) {
            return Optional.empty();
        }
        // Firefox wrote seconds for years and writes milliseconds since version 136.
        return Optional.of(expiry > 100_000_000_000L ? Instant.ofEpochMilli(expiry) : Instant.ofEpochSecond(expiry));
    }

    private record Row(String originAttributes, BrowserCookie cookie) {
    }
}
