package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.domain.thread.Conversation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes conversation files in the store's format without the store's care (no temporary file, no sync): for many at once. */
final class ConversationFiles {

    private static final ConversationJson JSON = new ConversationJson(ConversationJson.newMapper());

    private ConversationFiles() {
    }

    /**
     * Writes many conversations fast, each of one question and one answer: {@code fill} gives, for each
     * number, the id, model, time, question and answer, substituted into one document written by the store's
     * format (so the files are what the store writes).
     */
    static void writeMany(Path dataFolder, int count, java.util.function.IntFunction<String[]> fill) {
        String template = JSON.toJson(SearchIndexAdapterTest.conversation("@ID@", "@MODEL@", SearchIndexAdapterTest.T0,
                "@QUESTION@", "@ANSWER@"));
        Path folder = dataFolder.resolve("conversations");
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < count; i++) {
                String[] v = fill.apply(i);
                String json = template.replace("@ID@", v[0]).replace("@MODEL@", v[1])
                        .replace(SearchIndexAdapterTest.T0.toString(), v[2]).replace("@QUESTION@", v[3])
                        .replace("@ANSWER@", v[4]);
                Files.writeString(folder.resolve(v[0] + ".json"), json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code conversation} into {@code <dataFolder>/conversations/<threadId>.json}. */
    static void write(Path dataFolder, Conversation conversation) {
        Path folder = dataFolder.resolve("conversations");
        try {
            Files.createDirectories(folder);
            try (OutputStream out = Files.newOutputStream(folder.resolve(conversation.threadId().value() + ".json"))) {
                JSON.write(conversation, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
