package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;

/**
 * A second process for the search tests: saves {@code count} conversations holding the word "churn"
 * through the storage adapters, deleting each odd one again two saves later, says "done" and exits.
 */
public final class ChurnConversationsMain {

    private ChurnConversationsMain() {
    }

    public static void main(String[] args) {
        StorageAdapters storage = StorageAdapters.create(new StorageConfig(Path.of(args[0])));
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            storage.conversationStore().orElseThrow().save(SearchIndexAdapterTest.conversation("churn" + i, "gpt-5",
                    SearchIndexAdapterTest.T0, "churn number " + i, "an answer about churn " + i));
            if (i >= 2 && (i - 2) % 2 == 1) {
                storage.conversationStore().orElseThrow().deleteConversation(ThreadId.of("churn" + (i - 2)));
            }
        }
        if (count >= 2 && (count - 1) % 2 == 1) {
            storage.conversationStore().orElseThrow().deleteConversation(ThreadId.of("churn" + (count - 1)));
        }
        if (count >= 3 && (count - 2) % 2 == 1) {
            storage.conversationStore().orElseThrow().deleteConversation(ThreadId.of("churn" + (count - 2)));
        }
        System.out.println("done");
    }
}
