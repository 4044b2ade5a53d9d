package io.github.t3chat4j.application;

import io.github.t3chat4j.application.error.ConversationBusyException;
import io.github.t3chat4j.application.error.ReplyFailedException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.internal.usecase.SendMessageCommand;
import io.github.t3chat4j.application.internal.usecase.SendMessageResult;
import io.github.t3chat4j.application.internal.service.ReplyExchange;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.stream.ReplyAccumulator;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * A conversation you keep: its history, its default {@link ChatOptions}, and the four ways to send the
 * next message. Get one from {@link T3Client#chat()}, {@link T3Client#chat(Conversation)} or
 * {@link T3Client#resume(ThreadId)}; a client hands out as many as you like, and they share nothing but
 * the client's connection and session.
 *
 * <pre>{@code
 * Chat chat = client.chat();
 * chat.send("Hello!");                                        // blocking: the reply as a Message
 * chat.send("And in French?", event -> print(event));         // a listener hears each event
 * try (ReplyStream reply = chat.stream("Another?")) {         // pulled, event by event
 *     for (ChatEvent event : reply) print(event);
 * }
 * CompletableFuture<Message> later = chat.sendAsync("Once more"); // in the background
 * }</pre>
 *
 * <p>Each send appends the user message and the reply to this conversation (a reply that broke off is
 * kept, marked incomplete; nothing is kept when nothing arrived). Sends take turns: a send waits until the
 * one before it has ended, and starts from the conversation as that one left it. A send from the thread
 * whose send is still streaming (from inside its listener, or while an unread {@link ReplyStream} of this
 * chat is open on the same thread) would wait for itself, and is refused with a
 * {@link ConversationBusyException}. Thread-safe.
 */
public final class Chat {

    private final UseCases useCases;
    private final ChatOptions options;
    private final Executor executor;
    private final Clock clock;
    private final Runnable checkOpen;
    /** One send at a time; released by whichever thread ends the send (a close may come from any). */
    private final Semaphore turn = new Semaphore(1, true);
    private volatile Thread turnHolder;
    private volatile Conversation conversation;
    private volatile boolean started;
    private volatile Reply lastReply;

    Chat(UseCases useCases, ChatOptions options, Conversation conversation, boolean started, Executor executor,
            Clock clock, Runnable checkOpen) {
        this.useCases = useCases;
        this.checkOpen = checkOpen;
        this.options = options;
        this.conversation = conversation;
        this.started = started;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Sends {@code text} with this chat's options and waits for the whole reply.
     *
     * @param text the message
     * @return the assistant's reply (marked incomplete when it was cancelled)
     * @throws T3ChatException what went wrong; see {@link ReplyStream}
     */
    public Message send(String text) {
        return send(text, options, ChatEventListener.NONE);
    }

    /**
     * Sends {@code text} with {@code options} for this send only, and waits for the whole reply.
     *
     * @param text the message
     * @param options the options of this send
     * @return the assistant's reply
     * @throws T3ChatException what went wrong; see {@link ReplyStream}
     */
    public Message send(String text, ChatOptions options) {
        return send(text, options, ChatEventListener.NONE);
    }

    /**
     * Sends {@code text}, calling {@code listener} with each event as it arrives, on this thread.
     *
     * @param text the message
     * @param listener hears each event
     * @return the assistant's reply
     * @throws T3ChatException what went wrong; see {@link ReplyStream}
     */
    public Message send(String text, ChatEventListener listener) {
        return send(text, options, listener);
    }

    /**
     * Sends {@code text} with {@code options}, calling {@code listener} with each event as it arrives.
     *
     * @param text the message
     * @param options the options of this send
     * @param listener hears each event, on this thread
     * @return the assistant's reply
     * @throws T3ChatException what went wrong; see {@link ReplyStream}
     */
    public Message send(String text, ChatOptions options, ChatEventListener listener) {
        Inputs.required(listener, "listener");
        try (ReplyStream reply = stream(text, options)) {
            for (ChatEvent event : reply) {
                listener.onEvent(event);
            }
            return reply.message();
        }
    }

    /**
     * Sends {@code text} with this chat's options; the reply is pulled event by event.
     *
     * @param text the message
     * @return the reply, not started: the first pull sends the message
     */
    public ReplyStream stream(String text) {
        return stream(text, options);
    }

    /**
     * Sends {@code text} with {@code options}; the reply is pulled event by event.
     *
     * @param text the message
     * @param options the options of this send
     * @return the reply, not started: the first pull sends the message
     * @throws io.github.t3chat4j.application.error.InvalidInputException when {@code text} is null or blank
     */
    public ReplyStream stream(String text, ChatOptions options) {
        Inputs.required(text, "text");
        return open(text, options);
    }

    /**
     * Asks for the reply to the conversation as it stands, sending no new message: for a history that
     * ends with a user message (appended with {@link #append(Message)}, or given to
     * {@link T3Client#chat(Conversation)}).
     *
     * @param options the options of this send
     * @return the reply, not started
     */
    public ReplyStream reply(ChatOptions options) {
        return open(null, options);
    }

    /**
     * Sends {@code text} in the background (on the client's executor); the future completes with the
     * reply, or with what the send threw. Cancelling the future cancels the reply without waiting (see
     * {@link ReplyStream#cancel()}); the conversation holds what arrived once the send has ended, which
     * the next send of this conversation waits for.
     *
     * @param text the message
     * @return the reply to come
     */
    public CompletableFuture<Message> sendAsync(String text) {
        return sendAsync(text, options, ChatEventListener.NONE);
    }

    /**
     * Like {@link #sendAsync(String)}, calling {@code listener} with each event on the executor's thread.
     *
     * @param text the message
     * @param listener hears each event
     * @return the reply to come
     */
    public CompletableFuture<Message> sendAsync(String text, ChatEventListener listener) {
        return sendAsync(text, options, listener);
    }

    /**
     * Like {@link #sendAsync(String)}, with {@code options} for this send.
     *
     * @param text the message
     * @param options the options of this send
     * @param listener hears each event, on the executor's thread
     * @return the reply to come
     */
    public CompletableFuture<Message> sendAsync(String text, ChatOptions options, ChatEventListener listener) {
        Inputs.required(listener, "listener");
        ReplyStream reply = stream(text, options);
        CompletableFuture<Message> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                reply.cancel();
                return cancelled;
            }
        };
        executor.execute(() -> {
            try (reply) {
                for (ChatEvent event : reply) {
                    listener.onEvent(event);
                }
                future.complete(reply.message());
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /** @return the conversation as it stands: thread id, history, model and settings last used */
    public Conversation conversation() {
        return conversation;
    }

    /** @return the history, oldest first */
    public List<Message> messages() {
        return conversation.messages();
    }

    /** @return the thread id, once the first send has gone out (or for a conversation resumed or given) */
    public Optional<ThreadId> threadId() {
        return started ? Optional.of(conversation.threadId()) : Optional.empty();
    }

    /** @return the last reply as assembled from its events (finish reason included), if any */
    public Optional<Reply> lastReply() {
        return Optional.ofNullable(lastReply);
    }

    /** @return the options of sends that give none */
    public ChatOptions options() {
        return options;
    }

    /**
     * Queues {@code message} in the history without sending it (a user message to answer with
     * {@link #reply(ChatOptions)}, or an assistant message to continue from).
     *
     * @param message the message to append
     * @throws ConversationBusyException while a send of this conversation is under way
     */
    public void append(Message message) {
        Inputs.required(message, "message");
        betweenSends(() -> conversation = conversation.append(message, clock.instant()));
    }

    /**
     * Forgets the messages but keeps the thread.
     *
     * @throws ConversationBusyException while a send of this conversation is under way
     */
    public void clear() {
        betweenSends(() -> {
            Conversation c = conversation;
            conversation = c.withMessages(List.of(), clock.instant());
        });
    }

    private void betweenSends(Runnable change) {
        if (!turn.tryAcquire()) {
            throw new ConversationBusyException("A send of this conversation is under way: change it after the send"
                    + " has ended.");
        }
        try {
            change.run();
        } finally {
            turn.release();
        }
    }

    private void releaseTurn() {
        turnHolder = null;
        turn.release();
    }

    /** Puts {@code updated} in place of the conversation (the last message's image saved, say). */
    void replace(Conversation updated) {
        conversation = updated;
    }

    private ReplyStream open(String text, ChatOptions options) {
        checkOpen.run();
        Inputs.required(options, "options");
        return new ReplyStream(new ReplyStream.Turn() {
            @Override
            public ReplyExchange begin(BooleanSupplier giveUp) {
                checkOpen.run();
                if (turnHolder == Thread.currentThread()) {
                    throw new ConversationBusyException("This conversation's previous send is still streaming on this"
                            + " thread (a send from inside its listener, or a ReplyStream not yet read to its end or"
                            + " closed): send the next message after it ends, or use another Chat.");
                }
                try {
                    while (!turn.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                        if (giveUp.getAsBoolean()) {
                            return null;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                turnHolder = Thread.currentThread();
                try {
                    return useCases.sendMessage(new SendMessageCommand(conversation, text, options.model(),
                            options.settings(), options.timeout(), options.retries()));
                } catch (RuntimeException e) {
                    releaseTurn();
                    throw e;
                }
            }

            @Override
            public void end(SendMessageResult result, T3ChatException failure) {
                try {
                    if (result != null) {
                        if (!result.message().isError()) {
                            lastReply = result.reply();
                        }
                        if (result.conversation() != conversation) {
                            conversation = result.conversation();
                            started = true;
                        }
                    } else if (failure instanceof ReplyFailedException failed) {
                        lastReply = failed.partialReply();
                        failed.conversation().ifPresent(kept -> {
                            conversation = kept;
                            started = true;
                        });
                    }
                } finally {
                    releaseTurn();
                }
            }

            @Override
            public SendMessageResult notStarted() {
                Reply nothing = new ReplyAccumulator().toReply(Reply.Ending.CANCELLED);
                return new SendMessageResult(conversation, nothing.toMessage(MessageId.random(), options.model(),
                        clock.instant()), nothing, Optional.empty());
            }
        });
    }

    @Override
    public String toString() {
        return "Chat[thread=" + threadId().map(ThreadId::value).orElse("(new)") + ", " + messages().size()
                + " messages, " + options + "]";
    }
}
