package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

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
import io.github.t3chat4j.application.port.in.Cancellation;
import io.github.t3chat4j.application.port.in.ChatEventListener;
import io.github.t3chat4j.application.port.in.SendMessageCommand;
import io.github.t3chat4j.application.port.in.SendMessageResult;
import io.github.t3chat4j.application.port.in.SendMessageUseCase;
import io.github.t3chat4j.application.port.out.ChatRequest;
import io.github.t3chat4j.application.port.out.ChatStream;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.LockConversationPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.application.session.SessionKeeper;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.stream.ReplyAccumulator;
import io.github.t3chat4j.domain.thread.Conversation;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The send, whole: appends the user message, renews the session before its first use (through the
 * {@link SessionKeeper}, which also renews and retries once on a rejection), opens the stream, relays
 * its events (telling the listener whenever it has caught up with the stream, see
 * {@link ChatEventListener#onCaughtUp()}), then keeps the reply and saves the conversation. What happens when it goes wrong:
 * <ul>
 *   <li>nothing arrived (the request failed, or was cancelled before the first token): the
 *       conversation is returned (or left) as it was, so sending the same text again does not put it
 *       in twice;</li>
 *   <li>part of a reply arrived and the stream failed: the partial reply is kept, marked incomplete,
 *       saved, and the exception carries that conversation;</li>
 *   <li>cancelled midway: the partial reply is kept like a normal reply, marked cancelled.</li>
 * </ul>
 */
public final class SendMessageService implements SendMessageUseCase {

    private final StreamChatPort chat;
    private final SessionKeeper keeper;
    private final SaveConversationPort saveConversation;
    private final LoadConversationPort loadConversation;
    private final LockConversationPort lockConversation;
    private final Clock clock;
    private final boolean lowerEffortWhenKeyRequired;
    private final Consumer<String> warnings;

    /**
     * @param saveConversation where conversations are kept ({@code conversation -> { }} to keep none)
     * @param loadConversation reads the stored version of a conversation, which another writer may have
     *     extended meanwhile ({@code id -> Optional.empty()} when nothing is stored)
     * @param lockConversation one writer per conversation ({@link LockConversationPort#NONE} for none)
     */
    public SendMessageService(StreamChatPort chat, SessionKeeper keeper, SaveConversationPort saveConversation,
            LoadConversationPort loadConversation, LockConversationPort lockConversation, Clock clock) {
        this(chat, keeper, saveConversation, loadConversation, lockConversation, clock, false, warning -> { });
    }

    /**
     * @param lowerEffortWhenKeyRequired whether a send that t3.chat refuses with {@link ApiKeyRequiredException}
     *     (the model at that effort needs the user's own key) is sent once more at low effort
     * @param warnings hears that it was
     */
    public SendMessageService(StreamChatPort chat, SessionKeeper keeper, SaveConversationPort saveConversation,
            LoadConversationPort loadConversation, LockConversationPort lockConversation, Clock clock,
            boolean lowerEffortWhenKeyRequired, Consumer<String> warnings) {
        this.lowerEffortWhenKeyRequired = lowerEffortWhenKeyRequired;
        this.warnings = requireNonNull(warnings, "warnings == null");
        this.chat = requireNonNull(chat, "chat == null");
        this.keeper = requireNonNull(keeper, "keeper == null");
        this.saveConversation = requireNonNull(saveConversation, "saveConversation == null");
        this.loadConversation = requireNonNull(loadConversation, "loadConversation == null");
        this.lockConversation = requireNonNull(lockConversation, "lockConversation == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    /** Without a conversation store: nothing is saved, read back or locked. */
    public SendMessageService(StreamChatPort chat, SessionKeeper keeper, Clock clock) {
        this(chat, keeper, conversation -> { }, id -> Optional.empty(), LockConversationPort.NONE, clock);
    }

    @Override
    public SendMessageResult sendMessage(SendMessageCommand command, ChatEventListener listener) {
        requireNonNull(command, "command == null");
        requireNonNull(listener, "listener == null");
        Cancellation cancellation = command.cancellation();
        try (LockConversationPort.ConversationLock held = lockConversation.lockConversation(
                command.conversation().threadId(), cancellation::isCancelled)) {
            return send(command, latest(command.conversation()), listener);
        }
    }

    /**
     * The conversation as stored, when another writer (a second {@code t3 ask --continue}, say) has
     * extended the one this send started from; else the one given.
     */
    private Conversation latest(Conversation given) {
        Optional<Conversation> stored;
        try {
            stored = loadConversation.load(given.threadId());
        } catch (StorageException unreadable) {
            // The send goes on with the history in hand; saving it afterwards reports the store's trouble.
            return given;
        }
        if (stored.isEmpty() && loadConversation.wasDeleted(given.threadId())) {
            // Deleted while this send waited for it: sending and saving would bring it back.
            throw new InvalidInputException("The conversation " + given.threadId().value() + " was deleted (t3"
                    + " conversations delete) while this send waited for it; nothing was sent. Start a new one.");
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

    private SendMessageResult send(SendMessageCommand command, Conversation before, ChatEventListener listener) {
        Conversation conversation = command.text() == null ? before
                : before.append(Message.user(command.text()), clock.instant());
        if (conversation.messages().isEmpty()) {
            Message nothing = Message.error("No messages to send: pass a message or append one first.");
            return new SendMessageResult(before, nothing, new ReplyAccumulator().toReply(Reply.Ending.FAILED),
                    Optional.empty());
        }
        conversation = conversation.withModel(command.model()).withSettings(command.settings());
        MessageId replyId = MessageId.random();
        Reply reply;
        try {
            reply = stream(command, conversation, replyId, listener);
        } catch (ReplyFailedException failed) {
            if (hasContent(failed.partialReply())) {
                Conversation kept = conversation.append(
                        failed.partialReply().toMessage(MessageId.random(), command.model(), clock.instant()),
                        clock.instant());
                failed.keptIn(kept);
                save(kept).ifPresent(failed::addSuppressed);
            }
            throw failed;
        }
        Message message = reply.toMessage(replyId, command.model(), clock.instant());
        if (!hasContent(reply)) {
            // Cancelled before the first token: nothing to keep, and nothing for the next send to repeat.
            return new SendMessageResult(before, message, reply, Optional.empty());
        }
        Conversation kept = conversation.append(message, clock.instant());
        return new SendMessageResult(kept, message, reply, save(kept));
    }

    /**
     * Opens the stream and relays it; when t3.chat wants the user's own key for this effort and the user
     * allows it, once more at low effort.
     */
    private Reply stream(SendMessageCommand command, Conversation conversation, MessageId replyId,
            ChatEventListener listener) {
        try {
            return stream(command, command.settings(), conversation, replyId, listener);
        } catch (ApiKeyRequiredException refused) {
            if (!lowerEffortWhenKeyRequired || command.settings().reasoningEffort() == ReasoningEffort.LOW) {
                throw refused;
            }
            warnings.accept(refused.model().orElse(command.model().value()) + " at "
                    + command.settings().reasoningEffort().wireValue() + " reasoning effort needs your own provider key"
                    + " on t3.chat; asked again at low effort, as T3_ALLOW_LOWER_EFFORT allows.");
            return stream(command, command.settings().withReasoningEffort(ReasoningEffort.LOW), conversation, replyId,
                    listener);
        }
    }

    /** Opens the stream and relays it; a cancel before or while opening sends nothing and is not an error. */
    private Reply stream(SendMessageCommand command, ChatSettings settings, Conversation conversation,
            MessageId replyId, ChatEventListener listener) {
        Cancellation cancellation = command.cancellation();
        if (cancellation.isCancelled()) {
            // Cancelled before anything was sent: send nothing (a request costs credits).
            return new ReplyAccumulator().toReply(Reply.Ending.CANCELLED);
        }
        ChatStream stream;
        try (OpeningGuard guard = new OpeningGuard(cancellation)) {
            stream = keeper.call(session -> chat.open(new ChatRequest(session, conversation.threadId(),
                    conversation.messages(), command.model(), settings, replyId)));
        } catch (T3ChatException failed) {
            if (cancellation.isCancelled()) {
                return new ReplyAccumulator().toReply(Reply.Ending.CANCELLED);
            }
            throw failed;
        }
        Reply reply = relay(stream, cancellation, listener);
        if (reply.ending() == Reply.Ending.FAILED) {
            throw new ChatStreamException(reply.errorText(), reply);
        }
        if (reply.ending() == Reply.Ending.INTERRUPTED) {
            throw new StreamInterruptedException(reply, null);
        }
        return reply;
    }

    private static Reply relay(ChatStream stream, Cancellation cancellation, ChatEventListener listener) {
        ReplyAccumulator accumulator = new ReplyAccumulator();
        try (stream; CaughtUpWatch watch = CaughtUpWatch.of(listener)) {
            cancellation.onCancel(stream::close);
            Iterator<ChatEvent> events = stream.events().iterator();
            while (!accumulator.hasEnded() && !cancellation.isCancelled() && hasNext(events, watch)) {
                ChatEvent event = events.next();
                accumulator.accept(event);
                listener.onEvent(event);
            }
        } catch (ApiKeyRequiredException | CaptchaRequiredException refused) {
            // Refused in the stream's first word: nothing was answered, so nothing is lost.
            throw refused;
        } catch (UnexpectedResponseException unreadable) {
            if (!cancellation.isCancelled()) {
                throw new ReplyProtocolException(accumulator.toReply(), unreadable);
            }
        } catch (T3ChatException | UncheckedIOException broken) {
            if (!cancellation.isCancelled()) {
                throw new StreamInterruptedException(accumulator.toReply(), broken);
            }
        }
        return accumulator.toReply(cancellation.isCancelled() ? Reply.Ending.CANCELLED : Reply.Ending.INTERRUPTED);
    }

    /** Waits for the next event under the watch that tells the listener when it has caught up. */
    private static boolean hasNext(Iterator<ChatEvent> events, CaughtUpWatch watch) {
        watch.waiting();
        boolean more = events.hasNext();
        watch.delivering();
        return more;
    }

    private Optional<T3ChatException> save(Conversation conversation) {
        try {
            saveConversation.save(conversation);
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

        /** Ends the opening phase; clears the interrupt this guard caused, if any. */
        @Override
        public synchronized void close() {
            opening = false;
            if (interrupted) {
                Thread.interrupted();
            }
        }
    }

    /**
     * Tells a listener when it has caught up with a reply ({@link ChatEventListener#onCaughtUp()}): the relay
     * marks each wait for the next event, and one shared daemon thread, ticking every millisecond while any
     * reply is relayed, calls the listener once the same wait has lasted a whole tick. A blocking read gives
     * no sure sign that it is about to block (a chunked body's {@code available()} says 0 at every chunk
     * boundary, even with the next chunk buffered), so the wait is observed instead of predicted. The call
     * runs under this watch's lock, which the relay takes before delivering the next event, so it never
     * overlaps {@code onEvent}; after {@link #close()} it never comes.
     */
    static final class CaughtUpWatch implements AutoCloseable {

        private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
        private static final Set<CaughtUpWatch> ACTIVE = ConcurrentHashMap.newKeySet();
        private static final CaughtUpWatch NONE = new CaughtUpWatch(null);
        private static Thread watcher;

        private final ChatEventListener listener;
        private volatile long waitNumber;
        private volatile boolean waiting;
        private long seenWait = -1;
        private long calledForWait = -1;
        private boolean closed;
        private RuntimeException failure;

        private CaughtUpWatch(ChatEventListener listener) {
            this.listener = listener;
        }

        /** A watch over {@code listener}'s reply; one that does nothing when the listener ignores the signal. */
        static CaughtUpWatch of(ChatEventListener listener) {
            if (!overridesOnCaughtUp(listener)) {
                return NONE;
            }
            CaughtUpWatch watch = new CaughtUpWatch(listener);
            ACTIVE.add(watch);
            wakeWatcher();
            return watch;
        }

        /** The relay is about to wait for the next event. */
        void waiting() {
            if (this != NONE) {
                waitNumber++;
                waiting = true;
            }
        }

        /**
         * The wait is over and an event (or the end) is about to be delivered: waits for a call to the listener
         * in progress, and rethrows what the listener threw from it.
         */
        void delivering() {
            if (this == NONE) {
                return;
            }
            RuntimeException thrown;
            synchronized (this) {
                waiting = false;
                thrown = failure;
                failure = null;
            }
            if (thrown != null) {
                throw thrown;
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            ACTIVE.remove(this);
        }

        /** On the watcher thread, each tick: calls the listener when the wait seen a tick ago is still on. */
        private void tick() {
            long current = waitNumber;
            if (waiting && current == seenWait && current != calledForWait) {
                synchronized (this) {
                    if (!closed && waiting && waitNumber == current) {
                        calledForWait = current;
                        try {
                            listener.onCaughtUp();
                        } catch (RuntimeException e) {
                            failure = e;
                        }
                    }
                }
            }
            seenWait = current;
        }

        private static boolean overridesOnCaughtUp(ChatEventListener listener) {
            try {
                return listener.getClass().getMethod("onCaughtUp").getDeclaringClass() != ChatEventListener.class;
            } catch (NoSuchMethodException impossible) {
                return false;
            }
        }

        private static synchronized void wakeWatcher() {
            if (watcher == null) {
                watcher = new Thread(CaughtUpWatch::watch, "t3chat4j-caught-up");
                watcher.setDaemon(true);
                watcher.start();
            } else {
                CaughtUpWatch.class.notifyAll();
            }
        }

        private static void watch() {
            while (true) {
                synchronized (CaughtUpWatch.class) {
                    while (ACTIVE.isEmpty()) {
                        try {
                            CaughtUpWatch.class.wait();
                        } catch (InterruptedException e) {
                            // A daemon with nothing to clean up: keep watching for the next reply.
                        }
                    }
                }
                LockSupport.parkNanos(TICK_NANOS);
                for (CaughtUpWatch watch : ACTIVE) {
                    watch.tick();
                }
            }
        }
    }
}
