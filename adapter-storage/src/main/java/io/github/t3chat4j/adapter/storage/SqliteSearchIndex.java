package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.search.SearchOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The search index as an SQLite database, and the only class that speaks SQL. It holds no text of its
 * own: a contentless FTS5 table of the messages' words (as {@link SearchText} folds them: its tokenizer is
 * FTS5's {@code ascii}, which splits at the spaces {@link SearchText#indexForm} put between words), the
 * messages' author, model and time, and each conversation file's name, size and modification time, so
 * that the files it no longer matches can be found. Deleted rows are overwritten ({@code secure_delete};
 * {@link #purge()} drops the deleted rows' words). Not thread-safe: one user at a time, under
 * {@link SearchIndexLock}.
 */
final class SqliteSearchIndex implements AutoCloseable {

    /** The schema and word rules this code writes; an index with another is built afresh. */
    static final int SCHEMA = 2000 + SearchText.VERSION;
    /** The position of a conversation's title among its rows (messages count from 0). */
    static final int TITLE = -1;
    /** A modification time that matches no file, stored for files that may change again within the clock's grain. */
    static final long UNSURE = Long.MIN_VALUE;
    private static final int HASH_SIZE = 32 * 1024 * 1024;

    private final Connection connection;

    /** A file the index knows: its row id, size and modification time (nanoseconds, or {@link #UNSURE}). */
    record FileState(long id, long size, long modified) {
    }

    /** A conversation as the index stores it, its words folded already ({@link SearchText#indexForm}). */
    record Document(String model, long updatedAt, String titleWords, List<Part> parts) {
    }

    /** One message of a {@link Document}. */
    record Part(String role, String model, long createdAt, String words, String reasoningWords) {
    }

    /** What the index remembers of the folder: its modification time at the last full look, and whether that is unsure. */
    record FolderState(String folder, long modified, boolean unsure) {
    }

    /** One conversation a query found, with its chosen message (position {@link #TITLE} for the title). */
    record Row(String fileName, int position, double score, int matches, long createdAt, String role, String model,
            int total) {
    }

    /** Why the index cannot be used as it is. */
    static final class IndexException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean damaged;

        IndexException(String message, Throwable cause, boolean damaged) {
            super(message, cause);
            this.damaged = damaged;
        }

        /** Whether the file is damaged (rebuild it), rather than out of reach (search without it). */
        boolean damaged() {
            return damaged;
        }
    }

    private SqliteSearchIndex(Connection connection) {
        this.connection = connection;
    }

    /**
     * Has the SQLite JDBC driver load its native library from a copy in {@code cacheDir} (written once,
     * checked against the driver's own at each start) instead of extracting it to a new temporary file at
     * every start, which costs a short-lived command about a tenth of a second. It sets the driver's
     * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties for this JVM, unless they are
     * set already; on any trouble it sets nothing and the driver extracts the library as usual (so does it
     * when loading the copy fails). Only the first call does anything.
     */
    static void useCachedNativeLibrary(Path cacheDir) {
        NativeLibrary.useCopyIn(cacheDir);
    }

    /** The driver's native library, copied once to the cache folder. */
    private static final class NativeLibrary {
        private static final String PATH = "org.sqlite.lib.path";
        private static final String NAME = "org.sqlite.lib.name";
        private static boolean tried;

        static synchronized void useCopyIn(Path cacheDir) {
            if (tried) {
                return;
            }
            tried = true;
            if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
                return;
            }
            try {
                String folder = LibraryLoaderUtil.getNativeLibResourcePath();
                String name = LibraryLoaderUtil.getNativeLibName();
                byte[] library;
                try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(folder + "/" + name)) {
                    if (in == null) {
                        return;
                    }
                    library = in.readAllBytes();
                }
                Path copy = cacheDir.resolve("native").resolve(("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + folder)
                        .replaceAll("[^A-Za-z0-9._-]+", "-")).resolve(name);
                if (!Files.isRegularFile(copy) || Files.size(copy) != library.length
                        || !Arrays.equals(Files.readAllBytes(copy), library)) {
                    new AtomicFiles().write(copy, out -> out.write(library));
                }
                System.setProperty(PATH, copy.getParent().toString());
                System.setProperty(NAME, name);
            } catch (IOException | RuntimeException e) {
                // The driver extracts its library to a temporary file, as it does by default.
            }
        }
    }

    /**
     * Opens the index in {@code file} (which exists: an empty file is a new index) and checks that it is
     * whole: a file shorter than its header says, or one SQLite cannot read, is damaged.
     */
    static SqliteSearchIndex open(Path file, long fileSize) throws IndexException {
        SqliteSearchIndex index = connect("jdbc:sqlite:" + file);
        try {
            long pages = index.pragma("page_count");
            long pageSize = index.pragma("page_size");
            if (fileSize > 0 && pages * pageSize > fileSize) {
                throw new IndexException("it is shorter (" + fileSize + " bytes) than its " + pages + " pages",
                        null, true);
            }
            return index;
        } catch (IndexException e) {
            index.close();
            throw e;
        } catch (SQLException e) {
            index.close();
            throw failure("read", e);
        }
    }

    /** A fresh index in memory, for a search whose index cannot be kept on disk. */
    static SqliteSearchIndex inMemory() throws IndexException {
        return connect("jdbc:sqlite::memory:");
    }

    private static SqliteSearchIndex connect(String url) throws IndexException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            Connection connection = config.createConnection(url);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA secure_delete = ON");
                statement.execute("PRAGMA cache_size = -32768");
            }
            connection.setAutoCommit(false);
            return new SqliteSearchIndex(connection);
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    /** Whether the index was built by this code for {@code folder}. */
    boolean isCurrent(String folder) throws IndexException {
        try {
            return pragma("user_version") == SCHEMA && folderState().map(s -> s.folder().equals(folder)).orElse(false);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Empties the index and sets it up for {@code folder}. */
    void reset(String folder) throws IndexException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS message_text");
            s.execute("DROP TABLE IF EXISTS messages");
            s.execute("DROP TABLE IF EXISTS files");
            s.execute("DROP TABLE IF EXISTS meta");
            s.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            // AUTOINCREMENT: an id is never given again, so a new row never takes a deleted one's place.
            s.execute("CREATE TABLE files(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
                    + " size INTEGER NOT NULL, modified INTEGER NOT NULL, problem TEXT)");
            s.execute("CREATE TABLE messages(id INTEGER PRIMARY KEY AUTOINCREMENT, file_id INTEGER NOT NULL,"
                    + " position INTEGER NOT NULL, role TEXT, model TEXT, created_at INTEGER NOT NULL)");
            s.execute("CREATE INDEX messages_by_file ON messages(file_id, position)");
            s.execute("CREATE VIRTUAL TABLE message_text USING fts5(text, reasoning, title, content='',"
                    + " contentless_delete=1, tokenize='ascii')");
            // Words are gathered in memory up to this size before they are written: far fewer segments to
            // merge when a whole folder is indexed (the default is 1 MB).
            s.execute("INSERT INTO message_text(message_text, rank) VALUES('hashsize', " + HASH_SIZE + ")");
            s.execute("PRAGMA user_version = " + SCHEMA);
            setMeta("folder", folder);
        } catch (SQLException e) {
            throw failure("set up", e);
        }
    }

    /** What the index remembers of the folder; empty for an index not set up yet. */
    Optional<FolderState> folderState() throws IndexException {
        Map<String, String> meta = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SELECT key, value FROM meta")) {
            while (rows.next()) {
                meta.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return Optional.empty();
            }
            throw failure("read", e);
        }
        String folder = meta.get("folder");
        if (folder == null) {
            return Optional.empty();
        }
        String modified = meta.get("folder_modified");
        try {
            return Optional.of(new FolderState(folder, modified == null ? UNSURE : Long.parseLong(modified),
                    modified == null || "1".equals(meta.get("folder_unsure"))));
        } catch (NumberFormatException e) {
            throw new IndexException("its folder time is not a number", e, true);
        }
    }

    void saveFolderState(long modified, boolean unsure) throws IndexException {
        try {
            setMeta("folder_modified", Long.toString(modified));
            setMeta("folder_unsure", unsure ? "1" : "0");
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private void setMeta(String key, String value) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)")) {
            s.setString(1, key);
            s.setString(2, value);
            s.executeUpdate();
        }
    }

    /** Every file the index knows, by name. */
    Map<String, FileState> files() throws IndexException {
        Map<String, FileState> files = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT name, id, size, modified FROM files")) {
            while (rows.next()) {
                files.put(rows.getString(1), new FileState(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
            return files;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Forgets the file named {@code name} and everything indexed from it; nothing when it is unknown. */
    void remove(String name) throws IndexException {
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM files WHERE name = ?")) {
            find.setString(1, name);
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    remove(row.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private void remove(long fileId) throws SQLException {
        try (PreparedStatement text = connection.prepareStatement(
                "DELETE FROM message_text WHERE rowid IN (SELECT id FROM messages WHERE file_id = ?)");
                PreparedStatement messages = connection.prepareStatement("DELETE FROM messages WHERE file_id = ?");
                PreparedStatement file = connection.prepareStatement("DELETE FROM files WHERE id = ?")) {
            text.setLong(1, fileId);
            text.executeUpdate();
            messages.setLong(1, fileId);
            messages.executeUpdate();
            file.setLong(1, fileId);
            file.executeUpdate();
        }
    }

    /**
     * Writes of files into the index: statements prepared once and run in batches (one call into SQLite
     * for many rows); {@link #finish()} writes what is left.
     */
    final class Writer implements AutoCloseable {
        private static final int BATCH = 512;
        private final PreparedStatement file;
        private final PreparedStatement message;
        private final PreparedStatement text;
        private long nextFile;
        private long nextMessage;
        private int pending;

        private Writer() throws SQLException {
            nextFile = nextId("files");
            nextMessage = nextId("messages");
            file = connection.prepareStatement("INSERT INTO files(id, name, size, modified, problem)"
                    + " VALUES(?, ?, ?, ?, ?)");
            message = connection.prepareStatement("INSERT INTO messages(id, file_id, position, role, model, created_at)"
                    + " VALUES(?, ?, ?, ?, ?, ?)");
            text = connection.prepareStatement("INSERT INTO message_text(rowid, text, reasoning, title) VALUES(?, ?, ?, ?)");
        }

        /** The id after every one {@code table} ever gave. */
        private long nextId(String table) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),"
                            + " COALESCE((SELECT MAX(id) FROM " + table + "), 0))")) {
                s.setString(1, table);
                try (ResultSet row = s.executeQuery()) {
                    return (row.next() ? row.getLong(1) : 0) + 1;
                }
            }
        }

        /** Writes the rows waiting in the batches. */
        void finish() throws IndexException {
            try {
                flush();
            } catch (SQLException e) {
                throw failure("write", e);
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                file.executeBatch();
                message.executeBatch();
                text.executeBatch();
                pending = 0;
            }
        }

        private void flushIfFull() throws SQLException {
            if (pending >= BATCH) {
                flush();
            }
        }

        /** Indexes {@code document}, read from the file {@code name}, replacing what the index had of that file. */
        void put(String name, long size, long modified, Document document, Optional<Long> known)
                throws IndexException {
            try {
                if (known.isPresent()) {
                    remove(known.get());
                }
                long fileId = insertFile(name, size, modified, null);
                insertRow(fileId, TITLE, null, document.model(), document.updatedAt(), "", "", document.titleWords());
                int position = 0;
                for (Part part : document.parts()) {
                    insertRow(fileId, position++, part.role(), part.model(), part.createdAt(), part.words(),
                            part.reasoningWords(), "");
                }
                flushIfFull();
            } catch (SQLException e) {
                throw failure("write", e);
            }
        }

        /** Records the file {@code name} as unreadable for {@code reason}, replacing what the index had of it. */
        void putUnreadable(String name, long size, long modified, String reason, Optional<Long> known)
                throws IndexException {
            try {
                if (known.isPresent()) {
                    remove(known.get());
                }
                insertFile(name, size, modified, reason);
                flushIfFull();
            } catch (SQLException e) {
                throw failure("write", e);
            }
        }

        private long insertFile(String name, long size, long modified, String problem) throws SQLException {
            long id = nextFile++;
            file.setLong(1, id);
            file.setString(2, name);
            file.setLong(3, size);
            file.setLong(4, modified);
            file.setString(5, problem);
            file.addBatch();
            pending++;
            return id;
        }

        private void insertRow(long fileId, int position, String role, String model, long createdAt, String body,
                String reasoning, String title) throws SQLException {
            long id = nextMessage++;
            message.setLong(1, id);
            message.setLong(2, fileId);
            message.setInt(3, position);
            message.setString(4, role);
            message.setString(5, model);
            message.setLong(6, createdAt);
            message.addBatch();
            pending++;
            if (body.isEmpty() && reasoning.isEmpty() && title.isEmpty()) {
                return;
            }
            text.setLong(1, id);
            text.setString(2, body);
            text.setString(3, reasoning);
            text.setString(4, title);
            text.addBatch();
        }

        @Override
        public void close() {
            closeQuietly(file);
            closeQuietly(message);
            closeQuietly(text);
        }
    }

    Writer writer() throws IndexException {
        try {
            return new Writer();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** The files recorded as unreadable, with the reason. */
    Map<String, String> problems() throws IndexException {
        Map<String, String> problems = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT name, problem FROM files WHERE problem IS NOT NULL")) {
            while (rows.next()) {
                problems.put(rows.getString(1), rows.getString(2));
            }
            return problems;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * The conversations matching: every row holding {@code match} (an FTS5 expression; null for every
     * message row), none of whose rows holds {@code exclude} (null for none), whose chosen rows pass the
     * filters; one row per conversation, the best ({@link SearchOrder#RELEVANCE}) or newest one, from
     * {@code offset} on, at most {@code limit}, each with the count of all.
     */
    List<Row> query(String match, String exclude, List<String> modelPatterns, List<Role> roles, Long after,
            Long before, SearchOrder order, int offset, int limit) throws IndexException {
        StringBuilder sql = new StringBuilder("WITH hits AS MATERIALIZED (");
        List<Object> parameters = new ArrayList<>();
        if (match != null) {
            sql.append("SELECT rowid AS id, bm25(message_text, 1.0, 0.5, 2.0) AS score FROM message_text"
                    + " WHERE message_text MATCH ?");
            parameters.add(match);
        } else {
            sql.append("SELECT id, 0.0 AS score FROM messages WHERE position >= 0");
        }
        // One row per conversation: SQLite takes the other columns of an aggregate query with a single min()
        // or max() from the row that has it (https://sqlite.org/lang_select.html#bareagg).
        sql.append("), chosen AS (SELECT m.file_id, m.position, m.role, m.model, ")
                .append(order == SearchOrder.RELEVANCE ? "m.created_at, MIN(h.score) AS score"
                        : "MAX(m.created_at) AS created_at, h.score")
                .append(", SUM(m.position >= 0) AS matches FROM hits h JOIN messages m ON m.id = h.id WHERE 1 = 1");
        if (!roles.isEmpty()) {
            sql.append(" AND m.role IN (").append("?, ".repeat(roles.size() - 1)).append("?)");
            roles.forEach(r -> parameters.add(r.wireValue()));
        }
        if (!modelPatterns.isEmpty()) {
            sql.append(" AND (").append(String.join(" OR ",
                    java.util.Collections.nCopies(modelPatterns.size(), "m.model LIKE ? ESCAPE '\\'"))).append(')');
            parameters.addAll(modelPatterns);
        }
        if (after != null) {
            sql.append(" AND m.created_at >= ?");
            parameters.add(after);
        }
        if (before != null) {
            sql.append(" AND m.created_at < ?");
            parameters.add(before);
        }
        if (exclude != null) {
            sql.append(" AND m.file_id NOT IN (SELECT x.file_id FROM message_text t JOIN messages x ON x.id = t.rowid"
                    + " WHERE message_text MATCH ?)");
            parameters.add(exclude);
        }
        sql.append(" GROUP BY m.file_id), page AS (SELECT c.*, COUNT(*) OVER () AS total FROM chosen c ORDER BY ")
                .append(order == SearchOrder.RELEVANCE ? "c.score, c.created_at DESC" : "c.created_at DESC, c.score")
                .append(", c.file_id LIMIT ? OFFSET ?) SELECT f.name, p.position, p.score, p.matches, p.created_at,"
                        + " p.role, p.model, p.total FROM page p JOIN files f ON f.id = p.file_id ORDER BY ")
                .append(order == SearchOrder.RELEVANCE ? "p.score, p.created_at DESC" : "p.created_at DESC, p.score")
                .append(", p.file_id");
        parameters.add(limit);
        parameters.add(offset);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getInt(2), result.getDouble(3), result.getInt(4),
                            result.getLong(5), result.getString(6), result.getString(7), result.getInt(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("search", e);
        }
    }

    /** How many conversations a query finds, for a page past the last (where {@link #query} has no row to say). */
    int count(String match, String exclude, List<String> modelPatterns, List<Role> roles, Long after, Long before)
            throws IndexException {
        List<Row> first = query(match, exclude, modelPatterns, roles, after, before, SearchOrder.NEWEST, 0, 1);
        return first.isEmpty() ? 0 : first.get(0).total();
    }

    /**
     * Rewrites the index without the rows deleted so far: FTS5 only marks the rows of a contentless table
     * as deleted, and drops their words when it merges, so a deleted conversation's words would stay in the
     * file until then. With {@code secure_delete} the pages freed are overwritten.
     */
    void purge() throws IndexException {
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO message_text(message_text) VALUES('optimize')");
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    void commit() throws IndexException {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private long pragma(String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery("PRAGMA " + name)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // Closing undoes what was not committed anyway.
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing more can be done with it.
        }
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // Closing the connection releases it.
        }
    }

    /** {@code e} as an {@link IndexException}: damaged for SQLite's "corrupt" and "not a database" results. */
    private static IndexException failure(String doing, SQLException e) {
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code : e.getErrorCode();
        int primary = code & 0xFF;
        boolean damaged = primary == SQLiteErrorCode.SQLITE_CORRUPT.code
                || primary == SQLiteErrorCode.SQLITE_NOTADB.code
                || primary == SQLiteErrorCode.SQLITE_FORMAT.code
                || code == SQLiteErrorCode.SQLITE_IOERR_SHORT_READ.code
                || primary == SQLiteErrorCode.SQLITE_ERROR.code && e.getMessage() != null
                        && (e.getMessage().contains("no such") || e.getMessage().contains("malformed"));
        return new IndexException("could not " + doing + " it (" + reason(e) + ")", e, damaged);
    }

    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int paren = message.indexOf('(');
        int close = message.lastIndexOf(')');
        String detail = paren >= 0 && close > paren ? message.substring(paren + 1, close) : message;
        return detail.isBlank() ? "SQLite error " + e.getErrorCode() : detail;
    }
}
