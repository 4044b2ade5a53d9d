package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.SearchConversationsPort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.search.SearchHit;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.search.SearchQuery;
import io.github.t3chat4j.domain.search.SearchTerm;
import io.github.t3chat4j.domain.search.Snippet;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.StorageProblem;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Full-text search over the conversation files through an index kept beside them, in
 * {@code <cacheDir>/search/index.db} ({@link SqliteSearchIndex}): derived data only, owner-only like the
 * folder it is in, rebuilt from the files whenever it is missing, damaged, from another version or for
 * another folder. Before each search it is brought up to date with the folder under {@link
 * SearchIndexLock}: when the folder's modification time is the one it saw last (every save by t3 moves
 * a new file into place and every delete removes one, which changes it), nothing is read; otherwise each
 * file's size and modification time are compared with what the index holds and the files that differ
 * are read again. Times too close to the look to be sure of are looked at again next time. Snippets come
 * from the files themselves. When the index cannot be kept on disk (a read-only cache folder, say), the
 * search builds one in memory and says so in the page's notices. Thread-safe.
 */
final class SearchIndexAdapter implements SearchConversationsPort {

    static final String INDEX = "index.db";
    static final String LOCK = "index.lock";
    private static final String SUFFIX = SearchDocuments.SUFFIX;
    /** Progress is reported from this many files to read on. */
    private static final int PROGRESS_FROM = 100;
    private static final int PROGRESS_EVERY = 50;
    /** File times this close to the look may still change within the file system's time grain. */
    private static final long UNSURE_MILLIS = 2_000;
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    private static final List<String> INDEX_FILES = List.of(INDEX, INDEX + "-journal", INDEX + "-wal", INDEX + "-shm");

    private final Path conversations;
    private final Path folder;
    private final Path cache;
    private final SearchDocuments documents;
    private final Duration maxWait;

    SearchIndexAdapter(StorageConfig config, ConversationJson json, Duration maxWait) {
        this.conversations = requireNonNull(config, "config == null").conversationsDir();
        this.folder = config.searchIndexDir();
        this.cache = config.cacheDir();
        this.documents = new SearchDocuments(conversations, json);
        this.maxWait = requireNonNull(maxWait, "maxWait == null");
    }

    /** The index file. */
    Path indexFile() {
        return folder.resolve(INDEX);
    }

    @Override
    public SearchPage search(SearchQuery query, SearchOrder order, int offset, int limit, boolean rebuild,
            IndexingProgress progress) {
        requireNonNull(query, "query == null");
        requireNonNull(order, "order == null");
        requireNonNull(progress, "progress == null");
        Match match = Match.of(query);
        List<String> notices = new ArrayList<>();
        if (match.nothingSearchable()) {
            notices.add("Nothing in the query can be searched for: words are letters and digits (any script).");
            return new SearchPage(List.of(), 0, offset, limit, List.of(), notices);
        }
        SqliteSearchIndex.useCachedNativeLibrary(cache);
        Found found;
        try (SearchIndexLock.Held lock = SearchIndexLock.acquire(folder.resolve(LOCK), maxWait)) {
            found = searchOnDisk(match, order, offset, limit, rebuild, progress, notices);
        } catch (IOException e) {
            notices.add("The search index could not be kept in " + folder + " (" + IoReasons.of(e) + "); this"
                    + " search read every conversation instead.");
            found = searchInMemory(match, order, offset, limit, progress);
        }
        return page(found, query, offset, limit, notices);
    }

    /** Forgets a deleted conversation at once, so its words do not wait for the next search to leave the disk. */
    void forget(ThreadId threadId) {
        SqliteSearchIndex.useCachedNativeLibrary(cache);
        try (SearchIndexLock.Held lock = SearchIndexLock.acquire(folder.resolve(LOCK), Duration.ofSeconds(2));
                SqliteSearchIndex index = SqliteSearchIndex.open(indexFile(), Files.size(indexFile()))) {
            if (index.isCurrent(conversations.toString())) {
                index.remove(threadId.value() + SUFFIX);
                index.purge();
                index.commit();
            }
        } catch (IOException | SqliteSearchIndex.IndexException | RuntimeException e) {
            // The next search finds the file gone and forgets it then.
        }
    }

    /** What the index answered: the rows of the page and the files it could not read. */
    private record Found(List<SqliteSearchIndex.Row> rows, int total, Map<String, String> problems) {
    }

    private Found searchOnDisk(Match match, SearchOrder order, int offset, int limit, boolean rebuild,
            IndexingProgress progress, List<String> notices) {
        boolean fresh = rebuild;
        for (int attempt = 0; ; attempt++) {
            try {
                SqliteSearchIndex index = openIndex(fresh);
                try (index) {
                    return update(index, match, order, offset, limit, progress);
                }
            } catch (SqliteSearchIndex.IndexException e) {
                if (e.damaged() && attempt == 0) {
                    notices.add("The search index was damaged (" + e.getMessage() + ") and was built again.");
                    fresh = true;
                    continue;
                }
                notices.add("The search index in " + folder + " could not be used (" + e.getMessage() + "); this"
                        + " search read every conversation instead.");
                return searchInMemory(match, order, offset, limit, progress);
            } catch (IOException e) {
                notices.add("The search index could not be kept in " + folder + " (" + IoReasons.of(e) + "); this"
                        + " search read every conversation instead.");
                return searchInMemory(match, order, offset, limit, progress);
            }
        }
    }

    private Found searchInMemory(Match match, SearchOrder order, int offset, int limit, IndexingProgress progress) {
        try (SqliteSearchIndex index = SqliteSearchIndex.inMemory()) {
            return update(index, match, order, offset, limit, progress);
        } catch (SqliteSearchIndex.IndexException e) {
            throw new StorageException("Could not search the conversations: the search index " + e.getMessage() + ".",
                    e);
        }
    }

    /** Brings {@code index} up to date with the folder, then queries it. */
    private Found update(SqliteSearchIndex index, Match match, SearchOrder order, int offset, int limit,
            IndexingProgress progress) throws SqliteSearchIndex.IndexException {
        String name = conversations.toString();
        if (!index.isCurrent(name)) {
            index.reset(name);
        }
        synchronise(index, progress);
        List<SqliteSearchIndex.Row> rows = index.query(match.match, match.exclude, match.models, match.roles,
                match.after, match.before, order, offset, limit);
        int total = rows.isEmpty() ? (offset == 0 ? 0 : index.count(match.match, match.exclude, match.models,
                match.roles, match.after, match.before)) : rows.get(0).total();
        Map<String, String> problems = index.problems();
        index.commit();
        return new Found(rows, total, problems);
    }

    /** Opens the index file, creating it owner-only when missing (or, when {@code fresh}, in any case). */
    private SqliteSearchIndex openIndex(boolean fresh) throws IOException, SqliteSearchIndex.IndexException {
        Path file = indexFile();
        if (fresh) {
            for (String name : INDEX_FILES) {
                Files.deleteIfExists(folder.resolve(name));
            }
        }
        AtomicFiles.createPrivateDirectories(folder);
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (Files.notExists(file)) {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE));
            } else {
                Files.createFile(file);
            }
        } else if (posix && !Files.getPosixFilePermissions(file).equals(PRIVATE)) {
            Files.setPosixFilePermissions(file, PRIVATE);
        }
        return SqliteSearchIndex.open(file, Files.size(file));
    }

    /** Reads again the files that changed since the index last looked, and forgets the ones that are gone. */
    private void synchronise(SqliteSearchIndex index, IndexingProgress progress)
            throws SqliteSearchIndex.IndexException {
        long lookedAt = System.currentTimeMillis();
        Optional<SqliteSearchIndex.FolderState> last = index.folderState();
        long folderTime;
        try {
            folderTime = Files.getLastModifiedTime(conversations).to(TimeUnit.NANOSECONDS);
        } catch (NoSuchFileException e) {
            forgetAll(index);
            index.saveFolderState(SqliteSearchIndex.UNSURE, true);
            return;
        } catch (IOException e) {
            throw new StorageException("Could not search the conversations in " + conversations + ": "
                    + IoReasons.of(e) + ".", e);
        }
        if (last.isPresent() && !last.get().unsure() && last.get().modified() == folderTime) {
            return;
        }
        Map<String, SqliteSearchIndex.FileState> known = index.files();
        List<SearchDocuments.Wanted> changed = new ArrayList<>();
        Set<String> present = new HashSet<>();
        boolean unsure = lookedAt - TimeUnit.NANOSECONDS.toMillis(folderTime) < UNSURE_MILLIS;
        for (SearchDocuments.Wanted file : list()) {
            present.add(file.name());
            SqliteSearchIndex.FileState state = known.get(file.name());
            if (state == null || state.size() != file.size() || state.modified() != file.modified()) {
                boolean fileUnsure = lookedAt - TimeUnit.NANOSECONDS.toMillis(file.modified()) < UNSURE_MILLIS;
                unsure |= fileUnsure;
                changed.add(fileUnsure ? new SearchDocuments.Wanted(file.name(), file.size(), SqliteSearchIndex.UNSURE)
                        : file);
            }
        }
        boolean removed = false;
        for (String name : known.keySet()) {
            if (!present.contains(name)) {
                index.remove(name);
                removed = true;
            }
        }
        changed.sort(Comparator.comparing(SearchDocuments.Wanted::name));
        boolean report = changed.size() >= PROGRESS_FROM;
        try (SqliteSearchIndex.Writer writer = index.writer(); SearchDocuments.Reader reader = documents.read(changed)) {
            for (int i = 0; i < changed.size(); i++) {
                if (report && i % PROGRESS_EVERY == 0) {
                    progress.onProgress(i, changed.size());
                }
                SearchDocuments.Read read = reader.next();
                SearchDocuments.Wanted file = read.file();
                Optional<Long> id = Optional.ofNullable(known.get(file.name())).map(SqliteSearchIndex.FileState::id);
                if (read.gone()) {
                    index.remove(file.name());
                } else if (read.document() != null) {
                    writer.put(file.name(), file.size(), file.modified(), read.document(), id);
                } else {
                    writer.putUnreadable(file.name(), file.size(), file.modified(), read.problem(), id);
                }
            }
            writer.finish();
        }
        if (report) {
            progress.onProgress(changed.size(), changed.size());
        }
        if (removed) {
            index.purge();
        }
        index.saveFolderState(folderTime, unsure);
    }

    private void forgetAll(SqliteSearchIndex index) throws SqliteSearchIndex.IndexException {
        Set<String> names = index.files().keySet();
        for (String name : names) {
            index.remove(name);
        }
        if (!names.isEmpty()) {
            index.purge();
        }
    }

    /** The conversation files (as {@link FileConversationAdapter} names them), with size and time. */
    private List<SearchDocuments.Wanted> list() {
        List<SearchDocuments.Wanted> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(conversations, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || !FileConversationAdapter.isStorable(
                        name.substring(0, name.length() - SUFFIX.length()))) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        entries.add(new SearchDocuments.Wanted(name, attributes.size(),
                                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                    }
                } catch (NoSuchFileException gone) {
                    // Deleted while listing: it is not there.
                }
            }
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException e) {
            throw new StorageException("Could not list the conversations in " + conversations + ": "
                    + IoReasons.of(e) + ".", e);
        }
        return entries;
    }

    /** The page: each row's conversation read from its file for the title and snippet (rows whose file went are left out). */
    private SearchPage page(Found found, SearchQuery query, int offset, int limit, List<String> notices) {
        SearchSnippets snippets = new SearchSnippets(query.terms());
        List<SearchHit> hits = new ArrayList<>();
        int total = found.total();
        for (SqliteSearchIndex.Row row : found.rows()) {
            Optional<Conversation> conversation = documents.reread(row.fileName());
            if (conversation.isEmpty()) {
                total--;
                continue;
            }
            hits.add(hit(conversation.get(), row, snippets, !query.terms().isEmpty()));
        }
        List<StorageProblem> problems = new ArrayList<>();
        found.problems().forEach((name, reason) -> problems.add(new StorageProblem(name, reason)));
        problems.sort(Comparator.comparing(StorageProblem::source));
        return new SearchPage(hits, Math.max(total, 0), offset, limit, problems, notices);
    }

    /**
     * The hit of {@code row}'s conversation. When the title matched best, the snippet is taken from the
     * first message that matches too (a title is usually the start of the first message), if any.
     */
    private static SearchHit hit(Conversation c, SqliteSearchIndex.Row row, SearchSnippets snippets, boolean words) {
        double score = words ? -row.score() : 0;
        if (row.position() >= 0 && row.position() < c.messages().size()) {
            Message m = c.messages().get(row.position());
            return hit(c, m, snippetOf(m, c.title(), snippets, words), row.matches(), score);
        }
        for (Message m : c.messages()) {
            Optional<Snippet> found = snippets.around(m.text(), Snippet.Source.TEXT)
                    .or(() -> snippets.around(m.reasoning(), Snippet.Source.REASONING));
            if (found.isPresent()) {
                return hit(c, m, found.get(), row.matches(), score);
            }
        }
        Snippet title = snippets.around(c.title(), Snippet.Source.TITLE)
                .orElse(SearchSnippets.beginning(c.title(), Snippet.Source.TITLE));
        return new SearchHit(c.threadId(), c.title(), c.model(), Optional.empty(), c.updatedAt(), title, row.matches(),
                score);
    }

    private static SearchHit hit(Conversation c, Message m, Snippet snippet, int matches, double score) {
        return new SearchHit(c.threadId(), c.title(), m.model().orElse(c.model()), Optional.of(m.role()),
                m.createdAt(), snippet, matches, score);
    }

    private static Snippet snippetOf(Message m, String title, SearchSnippets snippets, boolean words) {
        if (words) {
            Optional<Snippet> found = snippets.around(m.text(), Snippet.Source.TEXT)
                    .or(() -> snippets.around(m.reasoning(), Snippet.Source.REASONING))
                    .or(() -> snippets.around(title, Snippet.Source.TITLE));
            if (found.isPresent()) {
                return found.get();
            }
        }
        return m.text().isBlank() && !m.reasoning().isBlank()
                ? SearchSnippets.beginning(m.reasoning(), Snippet.Source.REASONING)
                : SearchSnippets.beginning(m.text(), Snippet.Source.TEXT);
    }

    /** A {@link SearchQuery} as the index's expressions and filters. */
    private static final class Match {
        private String match;
        private String exclude;
        private final List<String> models = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private Long after;
        private Long before;
        private boolean nothingSearchable;

        static Match of(SearchQuery query) {
            Match m = new Match();
            m.match = expression(query.terms(), " AND ");
            m.exclude = expression(query.excluded(), " OR ");
            m.nothingSearchable = !query.terms().isEmpty() && m.match == null;
            for (String model : query.models()) {
                String pattern = model.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                m.models.add(pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) + "%" : pattern);
            }
            m.roles.addAll(query.roles());
            m.roles.sort(Comparator.naturalOrder());
            m.after = query.after().map(Instant::toEpochMilli).orElse(null);
            m.before = query.before().map(Instant::toEpochMilli).orElse(null);
            return m;
        }

        boolean nothingSearchable() {
            return nothingSearchable;
        }

        /** The FTS5 expression of {@code terms} joined by {@code joiner}; null when none has a word. */
        private static String expression(List<SearchTerm> terms, String joiner) {
            List<String> phrases = new ArrayList<>();
            for (SearchTerm term : terms) {
                List<String> words = SearchText.wordTexts(term.text());
                if (!words.isEmpty()) {
                    // Words hold letters, digits and characters beyond ASCII only: never a quote.
                    phrases.add('"' + String.join(" ", words) + '"' + (term.kind() == SearchTerm.Kind.PREFIX ? "*" : ""));
                }
            }
            return phrases.isEmpty() ? null : String.join(joiner, phrases);
        }
    }
}
