package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.ChatTransport;
import io.github.t3chat4j.application.internal.usecase.SendMessageCommand;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.internal.session.SessionKeeper;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The send, whole, as a pulled {@link ReplyExchange}: append the user message, renew the session before
 * its first use (through the {@link SessionKeeper}, which also renews and retries once on a rejection),
 * open the stream, hand its events over one pull at a time, then keep the reply and save the
 * conversation. Nothing happens until the exchange is first pulled, and nothing runs on a thread of its
 * own: the caller's pulls drive it. What happens when it goes wrong is the exchange's to say.
 */
public final class SendMessageService {

    private final ChatTransport chat;
    private final SessionKeeper keeper;
    private final Optional<ConversationStorePort> store;
    private final Clock clock;
    private final boolean lowerEffortWhenKeyRequired;
    private final Consumer<String> warnings;

    /**
     * @param store where conversations are kept: each send locks its conversation, continues from the
     *     stored history when another writer extended it, and saves it; empty to keep nothing
     */
    public SendMessageService(ChatTransport chat, SessionKeeper keeper, Optional<ConversationStorePort> store,
            Clock clock) {
        this(chat, keeper, store, clock, false, warning -> { });
    }

    /**
     * @param store where conversations are kept (see the other constructor)
     * @param lowerEffortWhenKeyRequired whether a send that t3.chat refuses with
     *     {@link io.github.t3chat4j.application.error.ApiKeyRequiredException} (the model at that effort needs
     *     the user's own key) is sent once more at low effort
     * @param warnings hears that it was
     */
    public SendMessageService(ChatTransport chat, SessionKeeper keeper, Optional<ConversationStorePort> store,
            Clock clock, boolean lowerEffortWhenKeyRequired, Consumer<String> warnings) {
        this.lowerEffortWhenKeyRequired = lowerEffortWhenKeyRequired;
        this.warnings = requireNonNull(warnings, "warnings == null");
        this.chat = requireNonNull(chat, "chat == null");
        this.keeper = requireNonNull(keeper, "keeper == null");
        this.store = requireNonNull(store, "store == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    /** The exchange of {@code command}, not started: the first pull starts it. */
    public ReplyExchange sendMessage(SendMessageCommand command) {
        return new ReplyExchange(requireNonNull(command, "command == null"), chat, keeper, store, clock,
                lowerEffortWhenKeyRequired, warnings);
    }
}
