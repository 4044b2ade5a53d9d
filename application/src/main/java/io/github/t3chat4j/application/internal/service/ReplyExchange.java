package io.github.t3chat4j.application.internal.service;

import io.github.t3chat4j.application.ChatRequest;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.ChatTransport;
import io.github.t3chat4j.application.error.ApiKeyRequiredException;
import io.github.t3chat4j.application.error.CaptchaRequiredException;
import io.github.t3chat4j.application.error.ChatStreamException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.ReplyFailedException;
import io.github.t3chat4j.application.error.ReplyProtocolException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.application.internal.usecase.Cancellation;
import io.github.t3chat4j.application.internal.usecase.SendMessageCommand;
import io.github.t3chat4j.application.internal.usecase.SendMessageResult;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.internal.session.SessionKeeper;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.stream.ReplyAccumulator;
import io.github.t3chat4j.domain.thread.Conversation;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One send, pulled: {@link #hasNext()} and {@link #next()} on one thread drive it, {@link #cancel()} may
 * come from any. The first pull locks the conversation (when there is a store), continues from its
 * latest stored version, appends the user message and opens the reply stream through the session keeper;
 * each pull then reads the next event; the end keeps the reply. What happens when it goes wrong:
 * <ul>
 *   <li>nothing arrived (the request failed, or was cancelled before the first token): the conversation
 *       stays as it was, so sending the same text again does not put it in twice;</li>
 *   <li>part of a reply arrived and the stream failed: the partial reply is kept, marked incomplete,
 *       saved, and the exception ({@link ReplyFailedException}) carries that conversation;</li>
 *   <li>cancelled midway: the partial reply is kept like a normal reply, marked cancelled.</li>
 * </ul>
 * A failure is thrown from the pull that met it, and again from {@link #finish()}. When t3.chat refuses the
 * model at this reasoning effort for want of the user's own key, before it answered anything, and the
 * client allows it, the request goes once more at low effort.
 */
public final class ReplyExchange {

    private enum State { NEW, STREAMING, ENDED }

    private final SendMessageCommand command;
    private final ChatTransport chat;
    private final SessionKeeper keeper;
    private final Optional<ConversationStorePort> store;
    private final Clock clock;
    private final boolean lowerEffortWhenKeyRequired;
    private final Consumer<String> warnings;
    private final Cancellation cancellation = new Cancellation();
    private final ReplyAccumulator accumulator = new ReplyAccumulator();
    private final MessageId replyId = MessageId.random();

    private State state = State.NEW;
    private ConversationStorePort.ConversationLock lock;
    private Conversation before;
    private Conversation sent;
    private ChatStream stream;
    private Iterator<ChatEvent> events;
    private SendMessageResult result;
    private T3ChatException failure;

    private ChatSettings requestSettings;

    ReplyExchange(SendMessageCommand command, ChatTransport chat, SessionKeeper keeper,
            Optional<ConversationStorePort> store, Clock clock, boolean lowerEffortWhenKeyRequired,
            Consumer<String> warnings) {
        this.command = command;
        this.requestSettings = command.settings();
        this.lowerEffortWhenKeyRequired = lowerEffortWhenKeyRequired;
        this.warnings = warnings;
        this.chat = chat;
        this.keeper = keeper;
        this.store = store;
        this.clock = clock;
        this.before = command.conversation();
    }

    /**
     * Whether another event is there, waiting for it; the first call starts the send, and the last ends
     * it (the reply kept, the conversation saved and unlocked).
     *
     * @throws T3ChatException what went wrong, once; {@link ReplyFailedException} when a reply broke off
     */
    public boolean hasNext() {
        if (state == State.NEW) {
            start();
        }
        if (state == State.ENDED) {
            return false;
        }
        if (!accumulator.hasEnded() && !cancellation.isCancelled() && more()) {
            return true;
        }
        end(null);
        return false;
    }

    /** The next event, added to the reply. */
    public ChatEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The reply has ended.");
        }
        ChatEvent event = events.next();
        accumulator.accept(event);
        return event;
    }

    /**
     * Whether the next {@link #hasNext()} will answer without waiting for the network: the exchange has
     * ended, or its stream has the next event at hand. False before the start (opening is a request).
     */
    public boolean ready() {
        return switch (state) {
            case NEW -> false;
            case ENDED -> true;
            case STREAMING -> accumulator.hasEnded() || cancellation.isCancelled() || stream.ready();
        };
    }

    /** Stops the exchange from any thread: a waiting pull returns, the stream is closed, nothing more is read. */
    public void cancel() {
        cancellation.cancel();
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /**
     * Ends the exchange if it has not ended (cancelling the reply that is still streaming; sending nothing
     * when it never started) and returns its result.
     *
     * @throws T3ChatException what the exchange failed with
     */
    public SendMessageResult finish() {
        if (state == State.NEW) {
            state = State.ENDED;
            Reply nothing = new ReplyAccumulator().toReply(Reply.Ending.CANCELLED);
            result = new SendMessageResult(before, nothing.toMessage(replyId, command.model(), clock.instant()),
                    nothing, Optional.empty());
        } else if (state == State.STREAMING) {
            cancellation.cancel();
            end(null);
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private void start() {
        state = State.STREAMING;
        if (command.text() != null && command.text().isBlank()) {
            fail(new InvalidInputException("The message is empty: pass some text, or null to send the history as"
                    + " it is."));
        }
        try {
            lock = store.map(s -> s.lockConversation(command.conversation().threadId(), cancellation::isCancelled))
                    .orElse(null);
            before = latest(command.conversation());
            Conversation conversation = command.text() == null ? before
                    : before.append(Message.user(command.text()), clock.instant());
            if (conversation.messages().isEmpty()) {
                throw new InvalidInputException("Nothing to send: pass a message, or append one to the conversation"
                        + " first.");
            }
            sent = conversation.withModel(command.model()).withSettings(command.settings());
            if (cancellation.isCancelled()) {
                // Cancelled before anything was sent: send nothing (a request costs credits).
                stream = ChatStream.of();
            } else {
                stream = open();
            }
            events = stream.events().iterator();
            cancellation.onCancel(stream::close);
        } catch (T3ChatException e) {
            if (cancellation.isCancelled() && !(e instanceof InvalidInputException)) {
                stream = ChatStream.of();
                events = stream.events().iterator();
                return;
            }
            fail(e);
        } catch (RuntimeException e) {
            release();
            state = State.ENDED;
            throw e;
        }
    }

    /** Opens the stream under a guard that lets a cancel interrupt a wait (a {@code Retry-After}, say). */
    private ChatStream open() {
        try {
            return openOnce();
        } catch (ApiKeyRequiredException refused) {
            if (!mayLowerEffort()) {
                throw refused;
            }
            lowerEffort(refused);
            return openOnce();
        }
    }

    private ChatStream openOnce() {
        try (OpeningGuard guard = new OpeningGuard(cancellation)) {
            return keeper.call(session -> chat.open(request(session)));
        }
    }

    /** Whether a refusal for want of the user's own key may be met by asking once more at low effort. */
    private boolean mayLowerEffort() {
        return lowerEffortWhenKeyRequired && requestSettings.reasoningEffort() != ReasoningEffort.LOW
                && !cancellation.isCancelled();
    }

    private void lowerEffort(ApiKeyRequiredException refused) {
        warnings.accept(refused.model().orElse(command.model().value()) + " at "
                + requestSettings.reasoningEffort().wireValue() + " reasoning effort needs your own provider key on"
                + " t3.chat; asked again at low effort.");
        requestSettings = requestSettings.withReasoningEffort(ReasoningEffort.LOW);
    }

    private ChatRequest request(Session session) {
        ChatRequest request = ChatRequest.of(session, sent.threadId(), sent.messages()).withModel(command.model())
                .withSettings(requestSettings).withResponseMessageId(replyId);
        if (command.timeout().isPresent()) {
            request = request.withTimeout(command.timeout().get());
        }
        return command.retries().isPresent() ? request.withMaxRetries(command.retries().getAsInt()) : request;
    }

    /** Whether the stream has another event, turning a broken stream into the failure that keeps what arrived. */
    private boolean more() {
        try {
            return events.hasNext();
        } catch (ApiKeyRequiredException refused) {
            if (nothingArrived() && mayLowerEffort()) {
                // Refused in the stream's first word: nothing was answered, so nothing is lost by asking again.
                stream.close();
                lowerEffort(refused);
                try {
                    stream = open();
                } catch (T3ChatException e) {
                    refuse(e);
                }
                events = stream.events().iterator();
                cancellation.onCancel(stream::close);
                return more();
            }
            refuse(refused);
        } catch (CaptchaRequiredException refused) {
            refuse(refused);
        } catch (UnexpectedResponseException unreadable) {
            if (!cancellation.isCancelled()) {
                end(new ReplyProtocolException(accumulator.toReply(), unreadable));
            }
        } catch (T3ChatException | UncheckedIOException broken) {
            if (!cancellation.isCancelled()) {
                end(new StreamInterruptedException(accumulator.toReply(), broken));
            }
        }
        return false;
    }

    private boolean nothingArrived() {
        return accumulator.toReply().text().isEmpty() && accumulator.toReply().reasoning().isEmpty()
                && accumulator.toReply().image().isEmpty();
    }

    /**
     * Ends the exchange with a refusal that came as the stream's first word (or, after some of a reply,
     * as its end): like any failure before anything arrived, the conversation stays as it was.
     */
    private void refuse(T3ChatException refused) {
        if (cancellation.isCancelled()) {
            return;
        }
        if (!nothingArrived()) {
            end(new StreamInterruptedException(accumulator.toReply(), refused));
            return;
        }
        stream.close();
        fail(refused);
    }

    /**
     * The conversation as stored, when another writer (a second {@code t3 ask --continue}, say) has
     * extended the one this send started from; else the one given (always when it has no messages yet).
     */
    private Conversation latest(Conversation given) {
        if (store.isEmpty()) {
            return given;
        }
        Optional<Conversation> stored;
        try {
            stored = store.get().load(given.threadId());
        } catch (StorageException unreadable) {
            // The send goes on with the history in hand; saving it afterwards reports the store's trouble.
            return given;
        }
        if (stored.isEmpty() && store.get().wasDeleted(given.threadId())) {
            // Deleted while this send waited for it: sending and saving would bring it back.
            throw new InvalidInputException("The conversation " + given.threadId().value() + " was deleted while"
                    + " this send waited for it; nothing was sent. Start a new one.");
        }
        if (given.messages().isEmpty()) {
            // Nothing to extend: a new conversation, or one cleared on purpose.
            return given;
        }
        if (stored.isEmpty() || stored.get().messages().size() <= given.messages().size()) {
            return given;
        }
        List<Message> storedMessages = stored.get().messages();
        for (int i = 0; i < given.messages().size(); i++) {
            if (!storedMessages.get(i).id().equals(given.messages().get(i).id())) {
                return given;
            }
        }
        return stored.get();
    }

    /** Ends the exchange: keeps what arrived, saves, unlocks; throws {@code failed} (or the failure the reply is). */
    private void end(ReplyFailedException failed) {
        if (state == State.ENDED) {
            if (failure != null) {
                throw failure;
            }
            return;
        }
        state = State.ENDED;
        try {
            stream.close();
            Reply reply = accumulator.toReply(cancellation.isCancelled() ? Reply.Ending.CANCELLED
                    : Reply.Ending.INTERRUPTED);
            if (failed == null && reply.ending() == Reply.Ending.FAILED) {
                failed = new ChatStreamException(reply.errorText(), reply);
            } else if (failed == null && reply.ending() == Reply.Ending.INTERRUPTED) {
                failed = new StreamInterruptedException(reply, null);
            }
            if (failed != null) {
                keepPartial(failed);
                failure = failed;
            } else {
                keep(reply);
            }
        } finally {
            release();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void keep(Reply reply) {
        Message message = reply.toMessage(replyId, command.model(), clock.instant());
        if (!hasContent(reply)) {
            // Cancelled before the first token: nothing to keep, and nothing for the next send to repeat.
            result = new SendMessageResult(before, message, reply, Optional.empty());
            return;
        }
        Conversation kept = sent.append(message, clock.instant());
        result = new SendMessageResult(kept, message, reply, save(kept));
    }

    private void keepPartial(ReplyFailedException failed) {
        if (hasContent(failed.partialReply())) {
            Conversation kept = sent.append(
                    failed.partialReply().toMessage(MessageId.random(), command.model(), clock.instant()),
                    clock.instant());
            failed.keptIn(kept);
            save(kept).ifPresent(failed::addSuppressed);
        }
    }

    /** Fails before anything was read: the conversation stays as it was. */
    private void fail(T3ChatException e) {
        release();
        state = State.ENDED;
        failure = e;
        throw e;
    }

    private void release() {
        if (lock != null) {
            ConversationStorePort.ConversationLock held = lock;
            lock = null;
            held.close();
        }
    }

    private Optional<T3ChatException> save(Conversation conversation) {
        if (store.isEmpty()) {
            return Optional.empty();
        }
        try {
            store.get().save(conversation);
            return Optional.empty();
        } catch (T3ChatException failed) {
            return Optional.of(failed);
        }
    }

    private static boolean hasContent(Reply reply) {
        return !reply.text().isEmpty() || !reply.reasoning().isEmpty() || reply.image().isPresent();
    }

    /**
     * Lets a cancel reach a thread that is still opening the chat stream (waiting out a {@code Retry-After},
     * say) by interrupting it, and only then: once opening is over, a late cancel no longer interrupts, and
     * an interrupt this guard caused is cleared so it cannot break later work on the thread.
     */
    private static final class OpeningGuard implements AutoCloseable {

        private final Thread opener = Thread.currentThread();
        private boolean opening = true;
        private boolean interrupted;

        OpeningGuard(Cancellation cancellation) {
            cancellation.onCancel(this::interruptIfOpening);
        }

        private synchronized void interruptIfOpening() {
            if (opening) {
                interrupted = true;
                opener.interrupt();
            }
        }

        @Override
        public synchronized void close() {
            opening = false;
            if (interrupted) {
                Thread.interrupted();
            }
        }
    }
}
