package io.github.t3chat4j.adapter.browser.internal.common;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.BrowserProfileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Queries a copied SQLite database with the SQLite JDBC driver. Each query opens the copy, reads every
 * row and closes it; a file that is not an SQLite database, or lacks the table, is reported as a damaged
 * profile naming {@code original} (the browser's file), never the copy.
 */
public final class SqliteDatabase {

    /** Turns the current row into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Path copy;
    private final Path original;

    public SqliteDatabase(Path copy, Path original) {
        this.copy = requireNonNull(copy, "copy == null");
        this.original = requireNonNull(original, "original == null");
    }

    /** The rows of {@code sql} with {@code parameters} bound in order. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(2000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + copy.toAbsolutePath());
        try (Connection connection = source.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new BrowserProfileException("Could not read " + original + ": it is damaged or not the database"
                    + " this browser version writes (SQLite error " + e.getErrorCode() + ").", e);
        }
    }

    /** Whether the database has a table of this name. */
    public boolean hasTable(String table) {
        return !query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", row -> row.getString(1),
                table).isEmpty();
    }
}
