package io.github.t3chat4j.application.fake;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ConversationSummary;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A conversation store in a map; ids marked unreadable throw on load like a corrupt file would. */
public class InMemoryConversationPorts implements ConversationStorePort {

    private final Map<ThreadId, Conversation> stored = new LinkedHashMap<>();
    private final Set<ThreadId> unreadable = new HashSet<>();
    private final List<ThreadId> saves = new ArrayList<>();

    public InMemoryConversationPorts with(Conversation conversation) {
        stored.put(conversation.threadId(), conversation);
        return this;
    }

    public InMemoryConversationPorts withUnreadable(ThreadId id) {
        unreadable.add(id);
        return this;
    }

    @Override
    public Optional<Conversation> load(ThreadId threadId) {
        if (unreadable.contains(threadId)) {
            throw new StorageException("The file " + threadId + ".json is corrupt.");
        }
        return Optional.ofNullable(stored.get(threadId));
    }

    @Override
    public void save(Conversation conversation) {
        saves.add(conversation.threadId());
        stored.put(conversation.threadId(), conversation);
    }

    @Override
    public ConversationListing listConversations() {
        return new ConversationListing(stored.values().stream().map(c -> new ConversationSummary(c.threadId(),
                c.title(), c.model(), c.messages().size(), c.updatedAt())).toList(), List.of());
    }

    @Override
    public boolean deleteConversation(ThreadId threadId) {
        return stored.remove(threadId) != null;
    }

    public Map<ThreadId, Conversation> stored() {
        return stored;
    }

    public List<ThreadId> saves() {
        return saves;
    }
}
