package io.github.t3chat4j.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A Firefox profile folder whose cookie jar ({@code cookies.sqlite}, the columns the reader asks for) holds
 * a t3.chat session, its convex session id as a cookie: enough for {@code --from-browser firefox:FOLDER}
 * without a real browser (adapter-browser's tests cover the real schemas, BrowserLoginTest real browsers).
 */
final class SignedInFirefoxProfile {

    private SignedInFirefoxProfile() {
    }

    static Path write(Path folder, String wosSession, String convexSessionId) throws IOException, SQLException {
        Path profile = Files.createDirectories(folder);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve("cookies.sqlite"));
                Statement create = db.createStatement()) {
            create.execute("CREATE TABLE moz_cookies (id INTEGER PRIMARY KEY, originAttributes TEXT NOT NULL"
                    + " DEFAULT '', name TEXT, value TEXT, host TEXT, path TEXT, expiry INTEGER)");
            for (String[] cookie : new String[][] {{"wos-session", wosSession}, {"convex-session-id", convexSessionId}}) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO moz_cookies (name, value, host, path,"
                        + " expiry) VALUES (?, ?, 't3.chat', '/', 4102444800000)")) {
                    insert.setString(1, cookie[0]);
                    insert.setString(2, cookie[1]);
                    insert.executeUpdate();
                }
            }
        }
        return profile;
    }
}
