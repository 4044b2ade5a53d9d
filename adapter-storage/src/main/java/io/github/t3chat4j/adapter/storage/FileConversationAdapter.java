package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ConversationSummary;
import io.github.t3chat4j.domain.thread.StorageProblem;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Stores each conversation as {@code <threadId>.json} in one folder, written atomically with owner-only
 * permissions. A file that cannot be read is never overwritten silently: loading it throws, listing
 * reports it and goes on, and saving its thread again first moves it aside to
 * {@code <threadId>.json.corrupt-<yyyyMMdd-HHmmss>} (which later listings keep reporting). A file from a
 * newer schema version is refused and left alone, even by a save. A deleted conversation is also
 * reported to {@code deleted} (the search index forgets it), which must not throw.
 */
final class FileConversationAdapter implements ConversationStorePort {

    private static final String SUFFIX = ".json";
    private static final String CORRUPT = ".corrupt-";
    private static final Pattern STORABLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Comparator<ConversationSummary> NEWEST_FIRST =
            Comparator.comparing(ConversationSummary::updatedAt).reversed()
                    .thenComparing(s -> s.threadId().value());

    private final Path folder;
    private final AtomicFiles files;
    private final ConversationJson json;
    private final Clock clock;
    private final FileConversationLockAdapter locks;
    private final Consumer<ThreadId> deleted;
    /** Files this adapter wrote or read whole, as they were then: unchanged ones need no re-check before a save. */
    private final Map<Path, Stamp> known = new ConcurrentHashMap<>();

    private record Stamp(FileTime modified, long size) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size());
        }
    }

    FileConversationAdapter(StorageConfig config, AtomicFiles files, ConversationJson json, Clock clock) {
        this(config, files, json, clock, new FileConversationLockAdapter(config.conversationsDir(),
                FileConversationLockAdapter.DEFAULT_MAX_WAIT), threadId -> { });
    }

    /**
     * With {@code locks} as the one writer per conversation, and {@code deleted} told of each deleted
     * conversation (the search index forgets it).
     */
    FileConversationAdapter(StorageConfig config, AtomicFiles files, ConversationJson json, Clock clock,
            FileConversationLockAdapter locks, Consumer<ThreadId> deleted) {
        this.folder = requireNonNull(config, "config == null").conversationsDir();
        this.files = requireNonNull(files, "files == null");
        this.json = requireNonNull(json, "json == null");
        this.clock = requireNonNull(clock, "clock == null");
        this.locks = requireNonNull(locks, "locks == null");
        this.deleted = requireNonNull(deleted, "deleted == null");
    }

    /** One writer per conversation: a file lock in the conversations folder; see {@link FileConversationLockAdapter}. */
    @Override
    public ConversationLock lockConversation(ThreadId threadId, BooleanSupplier giveUp) {
        return locks.lockConversation(threadId, giveUp);
    }

    /** True when {@code id} can name a file in any file system: letters, digits, {@code _ . -}, at most 200. */
    static boolean isStorable(String id) {
        return STORABLE_ID.matcher(id).matches() && !id.contains("..");
    }

    /**
     * {@inheritDoc}
     *
     * @throws StorageException when the stored file is unreadable or from a newer version; it is left as it is
     */
    @Override
    public Optional<Conversation> load(ThreadId threadId) {
        requireNonNull(threadId, "threadId == null");
        if (!isStorable(threadId.value())) {
            return Optional.empty();
        }
        Path file = fileFor(threadId);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("Could not read " + file + ": " + IoReasons.of(e) + ".", e);
        }
        try {
            Conversation conversation = readChecked(bytes, threadId);
            remember(file);
            return Optional.of(conversation);
        } catch (UnreadableFileException e) {
            throw new StorageException("Could not load conversation " + threadId + " from " + file + ": "
                    + e.getMessage() + ". The file was left as it is.");
        }
    }

    @Override
    public void save(Conversation conversation) {
        requireNonNull(conversation, "conversation == null");
        ThreadId threadId = conversation.threadId();
        if (!isStorable(threadId.value())) {
            throw new InvalidInputException("The thread id '" + threadId + "' cannot be used as a file name;"
                    + " use letters, digits, '_', '.' and '-' only.");
        }
        Path file = fileFor(threadId);
        try {
            protectUnreadable(file, threadId);
        } catch (IOException e) {
            throw new StorageException("Could not save conversation " + threadId + " to " + file + ": "
                    + IoReasons.of(e) + ".", e);
        }
        files.write(file, out -> json.write(conversation, out));
        remember(file);
        try {
            // Stored again on purpose (an import, say): no longer a deleted conversation.
            Files.deleteIfExists(tombstone(threadId));
        } catch (IOException e) {
            // The mark only matters while the file is missing; the file is there now.
        }
    }

    @Override
    public ConversationListing listConversations() {
        List<ConversationSummary> conversations = new ArrayList<>();
        List<StorageProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            if (Files.exists(folder)) {
                throw new StorageException("Could not list the conversations: " + folder + " is a file, not a folder;"
                        + " move it away so that conversations can be kept there.");
            }
            return new ConversationListing(conversations, problems);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // an atomic write in progress, or one that a crash left behind
                }
                if (name.contains(SUFFIX + CORRUPT)) {
                    problems.add(new StorageProblem(name, "an unreadable conversation file, set aside when its"
                            + " thread was saved again; inspect it or delete it"));
                } else if (name.endsWith(SUFFIX) && Files.isRegularFile(entry)) {
                    summarise(entry, name, conversations, problems);
                }
            }
        } catch (IOException e) {
            throw new StorageException("Could not list the conversations in " + folder + ": " + IoReasons.of(e) + ".",
                    e);
        }
        conversations.sort(NEWEST_FIRST);
        problems.sort(Comparator.comparing(StorageProblem::source));
        return new ConversationListing(conversations, problems);
    }

    @Override
    public boolean deleteConversation(ThreadId threadId) {
        requireNonNull(threadId, "threadId == null");
        if (!isStorable(threadId.value())) {
            return false;
        }
        Path file = fileFor(threadId);
        try {
            known.remove(file);
            if (!Files.exists(file)) {
                return false;
            }
            // A mark that it was deleted, so that a send that began from it before cannot save it back.
            Path mark = tombstone(threadId);
            AtomicFiles.createPrivateDirectories(mark.getParent());
            if (Files.notExists(mark)) {
                Files.createFile(mark);
            }
            // Its lock file goes too (FileConversationLockAdapter keeps one per conversation).
            Files.deleteIfExists(folder.resolve(".locks").resolve(threadId.value() + ".lock"));
            boolean existed = Files.deleteIfExists(file);
            if (existed) {
                deleted.accept(threadId);
            }
            return existed;
        } catch (IOException e) {
            throw new StorageException("Could not delete " + file + ": " + IoReasons.of(e) + ".", e);
        }
    }

    @Override
    public boolean wasDeleted(ThreadId threadId) {
        requireNonNull(threadId, "threadId == null");
        return isStorable(threadId.value()) && Files.exists(tombstone(threadId)) && Files.notExists(fileFor(threadId));
    }

    /** The empty file marking a deleted conversation, under {@code .deleted} (names with a dot are not listed). */
    private Path tombstone(ThreadId threadId) {
        return folder.resolve(".deleted").resolve(threadId.value());
    }

    private Path fileFor(ThreadId threadId) {
        return folder.resolve(threadId.value() + SUFFIX);
    }

    private Conversation readChecked(byte[] bytes, ThreadId expected) throws UnreadableFileException {
        Conversation conversation = json.read(bytes);
        if (!conversation.threadId().equals(expected)) {
            throw UnreadableFileException.corrupt("it holds thread " + conversation.threadId() + ", not " + expected);
        }
        return conversation;
    }

    private void remember(Path file) {
        try {
            known.put(file, Stamp.of(file));
        } catch (IOException e) {
            known.remove(file);
        }
    }

    /**
     * Before a save: refuse to replace a newer-version file, and move an unreadable one aside. A file this
     * adapter last wrote or read, unchanged since, is known to be readable and is not read again.
     */
    private void protectUnreadable(Path file, ThreadId threadId) throws IOException {
        Stamp last = known.get(file);
        if (last != null) {
            try {
                if (last.equals(Stamp.of(file))) {
                    return;
                }
            } catch (NoSuchFileException gone) {
                return;
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        }
        try {
            readChecked(bytes, threadId);
        } catch (UnreadableFileException e) {
            if (e.isNewerSchema()) {
                throw new StorageException("Will not save conversation " + threadId + " over " + file + ": "
                        + e.getMessage() + ".");
            }
            String stem = file.getFileName() + CORRUPT + STAMP.format(clock.instant().atZone(clock.getZone()));
            Path aside = file.resolveSibling(stem);
            for (int n = 2; Files.exists(aside); n++) {
                aside = file.resolveSibling(stem + "-" + n);
            }
            Files.move(file, aside);
        }
    }

    /** Adds the file's summary to {@code conversations}, or the reason it cannot be read to {@code problems}. */
    private void summarise(Path entry, String name, List<ConversationSummary> conversations,
            List<StorageProblem> problems) {
        String id = name.substring(0, name.length() - SUFFIX.length());
        try {
            if (!isStorable(id)) {
                throw UnreadableFileException.corrupt("its name is not a thread id");
            }
            conversations.add(ConversationSummary.of(readChecked(Files.readAllBytes(entry), ThreadId.of(id))));
        } catch (UnreadableFileException e) {
            problems.add(new StorageProblem(name, e.getMessage(), modifiedAt(entry)));
        } catch (IOException e) {
            problems.add(new StorageProblem(name, "it could not be read (" + IoReasons.of(e) + ")", modifiedAt(entry)));
        }
    }

    private static Optional<Instant> modifiedAt(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
