package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.port.out.SearchConversationsPort;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.search.SearchQuery;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The file stores over one {@link StorageConfig}, ready to hand to a builder:
 * {@code T3Client.builder().adapters(StorageAdapters.create(config))} keeps conversations and images on
 * disk. They offer the image store, the conversation store (with its locks), the conversation search, the
 * exporter, the history parser and the settings store; the session store and the catalogue cache depend
 * on the caller, who adds them on purpose ({@link #sessionWriteBack()}, {@link #modelCatalogCache(URI)}).
 * Creating them touches no file, and the search index (SQLite) is loaded only by a search, or by a delete
 * when an index exists; thread-safe to share; nothing needs opening or closing.
 */
public final class StorageAdapters implements DrivenAdapters {

    /** How long a search waits for another process bringing the index up to date. */
    private static final Duration SEARCH_WAIT = Duration.ofMinutes(2);

    private final StorageConfig config;
    private final AtomicFiles files;
    private final ModelCatalogJson catalogJson;
    private final FileImageAdapter images;
    private final FileConversationAdapter conversations;
    private final BrowserHistoryAdapter history;
    private final ConversationExportAdapter export;
    private final ConfigFileAdapter settings;
    private final ConversationJson json;
    private final SearchConversationsPort search = this::search;
    /** Made on first use, so that commands that do not search never load it. */
    private volatile SearchIndexAdapter searchIndex;

    private StorageAdapters(StorageConfig config, Clock clock) {
        ObjectMapper mapper = ConversationJson.sharedMapper();
        ConversationJson json = new ConversationJson(mapper);
        this.json = json;
        this.config = config;
        this.files = new AtomicFiles();
        this.catalogJson = new ModelCatalogJson(mapper);
        this.images = new FileImageAdapter(config, files, clock);
        this.conversations = new FileConversationAdapter(config, files, json, clock,
                new FileConversationLockAdapter(config.conversationsDir(), FileConversationLockAdapter.DEFAULT_MAX_WAIT),
                this::forgetInSearchIndex);
        this.history = new BrowserHistoryAdapter(mapper);
        this.export = new ConversationExportAdapter(json);
        this.settings = new ConfigFileAdapter(config.configFile(), files);
    }

    /**
     * The adapters over {@code config}'s folders, naming files by the system clock in the local zone.
     *
     * @param config the folders
     * @return the adapters
     */
    public static StorageAdapters create(StorageConfig config) {
        return create(config, Clock.systemDefaultZone());
    }

    /**
     * The adapters over {@code config}'s folders, with {@code clock} for generated file names.
     *
     * @param config the folders
     * @param clock the clock of generated names
     * @return the adapters
     */
    public static StorageAdapters create(StorageConfig config, Clock clock) {
        return new StorageAdapters(requireNonNull(config, "config == null"), requireNonNull(clock, "clock == null"));
    }

    @Override
    public Optional<SaveImagePort> imageStore() {
        return Optional.of(images);
    }

    @Override
    public Optional<ConversationStorePort> conversationStore() {
        return Optional.of(conversations);
    }

    @Override
    public Optional<SearchConversationsPort> conversationSearch() {
        return Optional.of(search);
    }

    @Override
    public Optional<FormatConversationPort> conversationFormatter() {
        return Optional.of(export);
    }

    @Override
    public Optional<ParseHistoryPort> historyParser() {
        return Optional.of(history);
    }

    @Override
    public Optional<SettingsStorePort> settingsStore() {
        return Optional.of(settings);
    }

    /**
     * Writes a rotated session cookie back to the config file. Add it only when the credentials came from
     * that file.
     *
     * @return the session store
     */
    public SaveSessionPort sessionWriteBack() {
        return settings;
    }

    /**
     * The catalogue cache of the site at {@code baseUrl}, in {@link StorageConfig#catalogCacheFile()}; a
     * catalogue another base URL left there reads as empty. Touches no file until used.
     *
     * @param baseUrl the site whose catalogue is cached
     * @return the cache
     */
    public ModelCatalogCachePort modelCatalogCache(URI baseUrl) {
        return new FileModelCatalogCacheAdapter(config.catalogCacheFile(), requireNonNull(baseUrl, "baseUrl == null"),
                catalogJson, files);
    }

    /**
     * The chat's input history file ({@link StorageConfig#inputHistoryFile()}), created empty with
     * owner-only permissions (in folders only the owner can enter) when missing; an existing one that
     * others could read is made owner-only. The line editor then appends to it.
     *
     * @return the file
     * @throws StorageException naming the file and the cause, when it cannot be created
     */
    public Path privateInputHistoryFile() {
        Path file = config.inputHistoryFile();
        try {
            AtomicFiles.createPrivateDirectories(file.getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                if (Files.notExists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
                } else {
                    Files.setPosixFilePermissions(file, ownerOnly);
                }
            } else if (Files.notExists(file)) {
                Files.createFile(file);
            }
            return file;
        } catch (IOException e) {
            throw new StorageException("Could not prepare " + file + ": " + IoReasons.of(e) + ".", e);
        }
    }

    /** @return the folders these adapters use */
    public StorageConfig config() {
        return config;
    }

    private SearchPage search(SearchQuery query, SearchOrder order, int offset, int limit, boolean rebuild,
            SearchConversationsPort.IndexingProgress progress) {
        return searchIndex().search(query, order, offset, limit, rebuild, progress);
    }

    /** A deleted conversation leaves the search index at once; without an index, nothing of it is loaded. */
    private void forgetInSearchIndex(ThreadId threadId) {
        if (Files.exists(config.searchIndexDir().resolve(SearchIndexAdapter.INDEX))) {
            searchIndex().forget(threadId);
        }
    }

    private SearchIndexAdapter searchIndex() {
        SearchIndexAdapter index = searchIndex;
        if (index == null) {
            synchronized (this) {
                index = searchIndex;
                if (index == null) {
                    index = new SearchIndexAdapter(config, json, SEARCH_WAIT);
                    searchIndex = index;
                }
            }
        }
        return index;
    }

    @Override
    public String toString() {
        return "StorageAdapters[" + config + "]";
    }
}
