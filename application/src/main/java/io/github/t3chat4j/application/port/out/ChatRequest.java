package io.github.t3chat4j.application.port.out;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.util.List;

/**
 * Everything one {@code POST /api/chat} needs: credentials, the thread, the whole history (the server
 * keeps none), the model, the settings and a fresh id for the reply.
 */
public record ChatRequest(
        Session session,
        ThreadId threadId,
        List<Message> messages,
        ModelId model,
        ChatSettings settings,
        MessageId responseMessageId) {

    public ChatRequest {
        requireNonNull(session, "session == null");
        requireNonNull(threadId, "threadId == null");
        messages = List.copyOf(requireNonNull(messages, "messages == null"));
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
        requireNonNull(responseMessageId, "responseMessageId == null");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A chat request needs at least one message.");
        }
    }

    @Override
    public String toString() {
        return "ChatRequest[thread=" + threadId + ", " + messages.size() + " messages, model=" + model + "]";
    }
}
