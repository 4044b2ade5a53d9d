package io.github.t3chat4j.application;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything one {@code POST /api/chat} needs: credentials, the thread, the whole history (the server
 * keeps none), the model, the settings, a fresh id for the reply, and the request's own limits (how long
 * the whole reply may take, how often a refusal before it began is retried). Immutable: start from
 * {@link #of(Session, ThreadId, List)} and add with the {@code with…} methods. {@link #toString()} shows
 * no secret and no message text.
 */
public final class ChatRequest {

    private final Session session;
    private final ThreadId threadId;
    private final List<Message> messages;
    private final ModelId model;
    private final ChatSettings settings;
    private final MessageId responseMessageId;
    private final Duration timeout;
    private final int maxRetries;

    private ChatRequest(Session session, ThreadId threadId, List<Message> messages, ModelId model,
            ChatSettings settings, MessageId responseMessageId, Duration timeout, int maxRetries) {
        this.session = Inputs.required(session, "session");
        this.threadId = Inputs.required(threadId, "threadId");
        this.messages = List.copyOf(Inputs.required(messages, "messages"));
        this.model = Inputs.required(model, "model");
        this.settings = Inputs.required(settings, "settings");
        this.responseMessageId = Inputs.required(responseMessageId, "responseMessageId");
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        if (this.messages.isEmpty()) {
            throw new InvalidInputException("A chat request needs at least one message.");
        }
    }

    /**
     * A request for the next reply of thread {@code threadId} to {@code messages}, with the default model
     * and settings, a fresh reply id, and the transport's own limits.
     *
     * @param session the credentials
     * @param threadId the thread
     * @param messages the whole history, oldest first; at least one
     * @return the request
     * @throws InvalidInputException when an argument is missing or {@code messages} is empty
     */
    public static ChatRequest of(Session session, ThreadId threadId, List<Message> messages) {
        return new ChatRequest(session, threadId, messages, ModelId.DEFAULT, ChatSettings.defaults(),
                MessageId.random(), null, -1);
    }

    /** @return the credentials to send (a transport of one's own may ignore them) */
    public Session session() {
        return session;
    }

    /** @return the thread the reply belongs to */
    public ThreadId threadId() {
        return threadId;
    }

    /** @return the whole history, oldest first */
    public List<Message> messages() {
        return messages;
    }

    /** @return the model to answer with */
    public ModelId model() {
        return model;
    }

    /** @return the settings that reach the request body */
    public ChatSettings settings() {
        return settings;
    }

    /** @return the id the reply's message gets */
    public MessageId responseMessageId() {
        return responseMessageId;
    }

    /** @return how long the whole reply may take, when this request sets it; else the transport's own limit */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return how often a refusal before the reply began (429, 502, 503, 504) is retried, when this request says */
    public OptionalInt maxRetries() {
        return maxRetries < 0 ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /**
     * @param value the model to answer with
     * @return a copy with this model
     */
    public ChatRequest withModel(ModelId value) {
        return new ChatRequest(session, threadId, messages, value, settings, responseMessageId, timeout, maxRetries);
    }

    /**
     * @param value the settings of the send
     * @return a copy with these settings
     */
    public ChatRequest withSettings(ChatSettings value) {
        return new ChatRequest(session, threadId, messages, model, value, responseMessageId, timeout, maxRetries);
    }

    /**
     * @param value the reply's id
     * @return a copy with this reply id
     */
    public ChatRequest withResponseMessageId(MessageId value) {
        return new ChatRequest(session, threadId, messages, model, settings, value, timeout, maxRetries);
    }

    /**
     * @param value how long the whole reply may take; positive
     * @return a copy with this deadline
     * @throws InvalidInputException when {@code value} is missing or not positive
     */
    public ChatRequest withTimeout(Duration value) {
        return new ChatRequest(session, threadId, messages, model, settings, responseMessageId,
                Inputs.positive(value, "timeout"), maxRetries);
    }

    /**
     * @param value how often to retry a refusal before the reply began; 0 never retries
     * @return a copy with this bound
     * @throws InvalidInputException when {@code value} is negative
     */
    public ChatRequest withMaxRetries(int value) {
        return new ChatRequest(session, threadId, messages, model, settings, responseMessageId, timeout,
                Inputs.notNegative(value, "maxRetries"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatRequest r && r.session.equals(session) && r.threadId.equals(threadId)
                && r.messages.equals(messages) && r.model.equals(model) && r.settings.equals(settings)
                && r.responseMessageId.equals(responseMessageId) && Objects.equals(r.timeout, timeout)
                && r.maxRetries == maxRetries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(threadId, messages, model, settings, responseMessageId, timeout, maxRetries);
    }

    @Override
    public String toString() {
        return "ChatRequest[thread=" + threadId + ", " + messages.size() + " messages, model=" + model + "]";
    }
}
