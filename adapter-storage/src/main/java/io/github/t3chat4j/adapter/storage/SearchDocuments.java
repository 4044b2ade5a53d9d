package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.thread.Conversation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads conversation files into what the search index stores: each file parsed (as the conversation
 * store reads it, its thread id checked against its name) and its words folded. Many files are read on
 * a second thread while the caller writes the ones already read into the index, in the order given.
 */
final class SearchDocuments {

    static final String SUFFIX = ".json";
    /** From this many files on, reading runs on its own thread. */
    private static final int BACKGROUND_FROM = 200;
    private static final int QUEUE = 256;

    private final Path folder;
    private final ConversationJson json;

    SearchDocuments(Path folder, ConversationJson json) {
        this.folder = requireNonNull(folder, "folder == null");
        this.json = requireNonNull(json, "json == null");
    }

    /** A file to read: its name in the folder. */
    record Wanted(String name, long size, long modified) {
    }

    /** A file read: its document, or why it could not be read, or that it is gone. */
    record Read(Wanted file, SqliteSearchIndex.Document document, String problem, boolean gone) {
    }

    /** Reads files one after the other; closing stops what is left. */
    interface Reader extends AutoCloseable {
        /** The next file, in the order asked. */
        Read next();

        @Override
        void close();
    }

    /** Reads {@code files} in order; on a thread of its own when there are many. */
    Reader read(List<Wanted> files) {
        return files.size() >= BACKGROUND_FROM ? new Background(files) : new Inline(files);
    }

    /** The conversation in {@code bytes}, read from the file {@code name}. */
    Conversation load(byte[] bytes, String name) throws UnreadableFileException {
        Conversation conversation = json.read(bytes);
        if (!(conversation.threadId().value() + SUFFIX).equals(name)) {
            throw UnreadableFileException.corrupt("it holds thread " + conversation.threadId() + ", not "
                    + name.substring(0, name.length() - SUFFIX.length()));
        }
        return conversation;
    }

    /** The conversation in the file {@code name}, or empty when it is gone or cannot be read. */
    Optional<Conversation> reread(String name) {
        try {
            return Optional.of(load(Files.readAllBytes(folder.resolve(name)), name));
        } catch (IOException | UnreadableFileException e) {
            return Optional.empty();
        }
    }

    private Read readOne(Wanted file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(folder.resolve(file.name()));
        } catch (NoSuchFileException gone) {
            return new Read(file, null, null, true);
        } catch (IOException e) {
            return new Read(file, null, "it could not be read (" + IoReasons.of(e) + ")", false);
        }
        try {
            return new Read(file, document(load(bytes, file.name())), null, false);
        } catch (UnreadableFileException e) {
            return new Read(file, null, e.getMessage(), false);
        }
    }

    /** {@code c} as the index stores it. */
    static SqliteSearchIndex.Document document(Conversation c) {
        String model = c.model().value();
        List<SqliteSearchIndex.Part> parts = new ArrayList<>(c.messages().size());
        for (Message m : c.messages()) {
            parts.add(new SqliteSearchIndex.Part(m.role().wireValue(), m.model().map(id -> id.value()).orElse(model),
                    m.createdAt().toEpochMilli(), SearchText.indexForm(m.text()), SearchText.indexForm(m.reasoning())));
        }
        return new SqliteSearchIndex.Document(model, c.updatedAt().toEpochMilli(), SearchText.indexForm(c.title()),
                parts);
    }

    private final class Inline implements Reader {
        private final List<Wanted> files;
        private int next;

        Inline(List<Wanted> files) {
            this.files = files;
        }

        @Override
        public Read next() {
            return readOne(files.get(next++));
        }

        @Override
        public void close() {
        }
    }

    /** Reads ahead on a daemon thread into a bounded queue; a failure there is thrown by {@link #next()}. */
    private final class Background implements Reader {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        private final Thread thread;
        private volatile boolean stopped;

        Background(List<Wanted> files) {
            thread = new Thread(() -> {
                try {
                    for (Wanted file : files) {
                        if (stopped) {
                            return;
                        }
                        put(readOne(file));
                    }
                } catch (RuntimeException | Error e) {
                    put(e);
                }
            }, "t3-search-index-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void put(Object item) {
            try {
                while (!stopped && !queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    // The writer is behind: wait for room, unless it stopped.
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Read next() {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("Interrupted while indexing the conversations.", e);
            }
            if (item instanceof RuntimeException e) {
                throw e;
            }
            if (item instanceof Error e) {
                throw e;
            }
            return (Read) item;
        }

        @Override
        public void close() {
            stopped = true;
            queue.clear();
        }
    }
}
