package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.ReplyFailedException;
import io.github.t3chat4j.application.error.ReplyNotSavedException;
import io.github.t3chat4j.application.port.in.Cancellation;
import io.github.t3chat4j.application.port.in.ChatEventListener;
import io.github.t3chat4j.application.port.in.DownloadImageCommand;
import io.github.t3chat4j.application.port.in.DownloadProgressListener;
import io.github.t3chat4j.application.port.in.SendMessageCommand;
import io.github.t3chat4j.application.port.in.SendMessageResult;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.port.out.SleepPort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The t3.chat client: one signed-in user over one connection, and one current conversation. A thin
 * facade over {@link UseCases}: it keeps the conversation (thread id and the history that goes out
 * with every send), the model and settings of the next send, and the last reply; every rule lives in a
 * use case. The session is held by the connection's {@link io.github.t3chat4j.application.session.SessionKeeper},
 * shared with {@link #account()}.
 *
 * <pre>{@code
 * try (T3Client client = T3Client.builder().cookies(cookies).adapters(HttpAdapters.create(config)).build()) {
 *     Message reply = client.send("Hello!");
 * }
 * }</pre>
 *
 * <p>Sends are serialised: one at a time per client. {@link #close()} releases the adapters (the HTTP
 * connection pool, say). Build one with {@link #builder()}.
 */
public final class T3Client implements AutoCloseable {

    private final UseCases useCases;
    private final AccountClient account;
    private final List<AutoCloseable> resources;
    private final Clock clock;
    private final Executor executor;
    private final ReentrantLock sending = new ReentrantLock();

    private volatile ModelId model;
    private volatile ChatSettings settings;
    private volatile Conversation conversation;
    private volatile boolean threadStarted;
    private volatile Reply lastReply;

    private T3Client(UseCases useCases, List<AutoCloseable> resources, ModelId model, ChatSettings settings,
            UseCases.Options options) {
        this.useCases = useCases;
        this.account = new AccountClient(useCases);
        this.resources = List.copyOf(resources);
        this.clock = options.clock();
        this.executor = options.executor();
        this.model = model;
        this.settings = settings;
        this.conversation = Conversation.start(model, settings, clock.instant());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The use cases of this client's connection, for callers that keep conversation state themselves. */
    public UseCases useCases() {
        return useCases;
    }

    /** Credits, usage, the model catalogue and the other account reads, over this client's session. */
    public AccountClient account() {
        return account;
    }

    /** Opens the session with t3.chat ({@code GET /}); a 2xx means the session was accepted. */
    public void init() {
        useCases.initializeSession().initializeSession();
    }

    /** The session, renewed first if this connection has not renewed it yet. */
    public Session renewedSession() {
        return useCases.sessionKeeper().firstUse();
    }

    /** Renews the rotating {@code wos-session} cookie now and returns the session in use afterwards. */
    public Session refreshSession() {
        return useCases.refreshSession().refreshSession();
    }

    /** The session in use (it changes when the cookie rotates); its {@code toString()} is redacted. */
    public Session session() {
        return useCases.sessionKeeper().current();
    }

    /** The model of the next send (the builder's, until changed). */
    public ModelId model() {
        return model;
    }

    /** Sets the model of the next sends. */
    public void model(ModelId value) {
        this.model = requireNonNull(value, "model == null");
    }

    /** The settings of the next send (the builder's, until changed). */
    public ChatSettings settings() {
        return settings;
    }

    /** Sets the settings of the next sends. */
    public void settings(ChatSettings value) {
        this.settings = requireNonNull(value, "settings == null");
    }

    /** Sends {@code text} with this client's model and settings; returns the assistant's reply. */
    public Message send(String text) {
        return send(model, text, settings, ChatEventListener.NONE, new Cancellation());
    }

    /** Like {@link #send(String)}, calling {@code listener} for each event as it arrives. */
    public Message send(String text, ChatEventListener listener) {
        return send(model, text, settings, listener, new Cancellation());
    }

    /** Like {@link #send(String, ChatEventListener)}; {@code cancellation} stops the reply from another thread. */
    public Message send(String text, ChatEventListener listener, Cancellation cancellation) {
        return send(model, text, settings, listener, cancellation);
    }

    /** Sends {@code text} (or, when null, the queued history) with this model and these settings. */
    public Message send(ModelId model, String text, ChatSettings settings) {
        return send(model, text, settings, ChatEventListener.NONE, new Cancellation());
    }

    /**
     * Appends {@code text} (unless null) to the conversation as a user message, sends the whole history,
     * streams the reply's events to {@code listener}, and appends and returns the assistant message. With
     * nothing to send, returns an assistant message flagged as an error instead of throwing, as the
     * original client does.
     *
     * <p>A reply that breaks off midway stays in the history marked incomplete, and the exception
     * ({@link ReplyFailedException}) carries it; the user message is kept once. A cancelled reply
     * returns normally with an incomplete message. When nothing at all was received (the request
     * failed, or was cancelled before the first token), the history is left as it was before the call.
     * When the reply arrived but could not be saved, it is kept in the history and a
     * {@link ReplyNotSavedException} carrying it is thrown.
     */
    public Message send(ModelId model, String text, ChatSettings settings, ChatEventListener listener,
            Cancellation cancellation) {
        requireNonNull(listener, "listener == null");
        sending.lock();
        try {
            SendMessageCommand command = new SendMessageCommand(conversation, text, model, settings, cancellation);
            SendMessageResult result;
            try {
                result = useCases.sendMessage().sendMessage(command, listener);
            } catch (ReplyFailedException failed) {
                lastReply = failed.partialReply();
                failed.conversation().ifPresent(this::keep);
                throw failed;
            }
            if (!result.message().isError()) {
                lastReply = result.reply();
            }
            if (result.conversation() != command.conversation()) {
                keep(result.conversation());
            }
            if (result.saveFailure().isPresent()) {
                throw new ReplyNotSavedException(result.message(), result.saveFailure().get());
            }
            return result.message();
        } finally {
            sending.unlock();
        }
    }

    private void keep(Conversation updated) {
        conversation = updated;
        threadStarted = true;
    }

    /** Sends {@code text} on a background thread, pulling the reply event by event; see {@link ReplyStream}. */
    public ReplyStream stream(String text) {
        return stream(model, text, settings);
    }

    /** Like {@link #stream(String)}, with this model and these settings. */
    public ReplyStream stream(ModelId model, String text, ChatSettings settings) {
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
        return ReplyStream.start(executor, (listener, cancellation) -> send(model, text, settings, listener,
                cancellation));
    }

    /**
     * Sends {@code text} on a background thread; the future completes with the reply, or with what the
     * send threw. Cancelling the future cancels the reply.
     */
    public CompletableFuture<Message> sendAsync(String text, ChatEventListener listener) {
        return sendAsync(model, text, settings, listener);
    }

    /** Like {@link #sendAsync(String, ChatEventListener)}, with this model and these settings. */
    public CompletableFuture<Message> sendAsync(ModelId model, String text, ChatSettings settings,
            ChatEventListener listener) {
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
        requireNonNull(listener, "listener == null");
        Cancellation cancellation = new Cancellation();
        CompletableFuture<Message> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                cancellation.cancel();
                return super.cancel(mayInterruptIfRunning);
            }
        };
        executor.execute(() -> {
            try {
                future.complete(send(model, text, settings, listener, cancellation));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /**
     * Sends {@code text} like {@link #send(String)}, and when the reply carries an image, downloads it
     * (without the t3.chat cookie), saves it at {@code savePath}, and returns the message with the
     * image's base64 data and local path filled in.
     */
    public Message sendWithImageDownload(String text, Path savePath) {
        return sendWithImageDownload(model, text, settings, savePath);
    }

    /** Like {@link #sendWithImageDownload(String, Path)}, with this model and these settings. */
    public Message sendWithImageDownload(ModelId model, String text, ChatSettings settings, Path savePath) {
        requireNonNull(savePath, "savePath == null");
        Message reply = send(model, text, settings);
        Optional<ImageContent> image = reply.image();
        if (image.isEmpty()) {
            return reply;
        }
        ImageContent saved = useCases.downloadImage().downloadImage(
                new DownloadImageCommand(image.get(), ImageTarget.at(savePath), true));
        Message updated = reply.toBuilder().image(saved).build();
        replaceLast(reply, updated);
        return updated;
    }

    /** Downloads the image at {@code url}, saves it at {@code savePath}, and returns its bytes as base64. */
    public String downloadImage(String url, Path savePath) {
        requireNonNull(url, "url == null");
        requireNonNull(savePath, "savePath == null");
        ImageContent image = InvalidInputException.whenInvalid(() -> ImageContent.fromUrl(url));
        return useCases.downloadImage().downloadImage(new DownloadImageCommand(image, ImageTarget.at(savePath), true))
                .base64Data().orElseThrow();
    }

    /** Saves {@code image} where the image store chooses for {@code target}; returns the saved image. */
    public ImageContent saveImage(ImageContent image, ImageTarget target) {
        return saveImage(image, target, DownloadProgressListener.NONE);
    }

    /** Like {@link #saveImage(ImageContent, ImageTarget)}, reporting the download's progress. */
    public ImageContent saveImage(ImageContent image, ImageTarget target, DownloadProgressListener progress) {
        return useCases.downloadImage().downloadImage(new DownloadImageCommand(image, target, false, progress));
    }

    /** Queues a message in the history without sending it. */
    public void appendMessage(Message message) {
        requireNonNull(message, "message == null");
        conversation = conversation.append(message, clock.instant());
    }

    /** Forgets the messages but keeps the thread. */
    public void clearMessages() {
        Conversation c = conversation;
        conversation = new Conversation(c.threadId(), c.title(), c.model(), c.settings(), List.of(),
                c.createdAt(), clock.instant());
    }

    /** Starts a fresh conversation: a new thread id (chosen at the next send) and an empty history. */
    public void newConversation() {
        conversation = Conversation.start(model, settings, clock.instant());
        threadStarted = false;
        lastReply = null;
    }

    /** Continues an existing thread with its earlier messages. */
    public void resumeConversation(ThreadId threadId, List<Message> messages) {
        requireNonNull(threadId, "threadId == null");
        requireNonNull(messages, "messages == null");
        Conversation resumed = new Conversation(threadId, "", model, settings, List.of(), clock.instant(),
                clock.instant());
        for (Message m : messages) {
            resumed = resumed.append(m, clock.instant());
        }
        resumeConversation(resumed);
    }

    /** Continues a stored conversation: its thread id, history, model and settings. */
    public void resumeConversation(Conversation stored) {
        requireNonNull(stored, "stored == null");
        conversation = stored;
        model = stored.model();
        settings = stored.settings();
        threadStarted = true;
        lastReply = null;
    }

    /**
     * Continues the stored conversation with this thread id.
     *
     * @throws InvalidInputException if no conversation store was configured or none has this id
     */
    public Conversation resumeConversation(ThreadId threadId) {
        Conversation stored = useCases.loadConversation().loadConversation(threadId);
        resumeConversation(stored);
        return stored;
    }

    /** The history of the current conversation, oldest first. */
    public List<Message> messages() {
        return conversation.messages();
    }

    /** The current conversation as a value. */
    public Conversation conversation() {
        return conversation;
    }

    /** The thread id, once the first send of this conversation has gone out (or after a resume). */
    public Optional<ThreadId> threadId() {
        return threadStarted ? Optional.of(conversation.threadId()) : Optional.empty();
    }

    /** The last reply as assembled from the stream (finish reason included), if any. */
    public Optional<Reply> lastReply() {
        return Optional.ofNullable(lastReply);
    }

    private void replaceLast(Message old, Message updated) {
        List<Message> messages = new ArrayList<>(conversation.messages());
        int at = messages.lastIndexOf(old);
        if (at >= 0) {
            messages.set(at, updated);
            Conversation c = conversation;
            conversation = new Conversation(c.threadId(), c.title(), c.model(), c.settings(), messages,
                    c.createdAt(), clock.instant());
            useCases.saveConversation(conversation);
        }
    }

    /** Closes the adapters this client was built over, in reverse order; the first failure is rethrown at the end. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Closing " + resources.get(i).getClass().getSimpleName()
                            + " failed", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "T3Client[" + session() + ", thread=" + threadId().map(ThreadId::value).orElse("(new)") + ", "
                + conversation.messages().size() + " messages]";
    }

    /**
     * Builds a {@link T3Client}. A chat transport is required (from {@link #adapters(DrivenAdapters)} or
     * {@link #chatTransport(StreamChatPort)}), and credentials when an adapter sends them to t3.chat; a
     * transport of your own that never sends them needs none. Every other port is optional (see
     * {@link DrivenPorts}).
     */
    public static final class Builder {
        private Session session;
        private String cookies;
        private String convexSessionId;
        private final DrivenPorts.Builder ports = DrivenPorts.builder();
        private ModelId model = ModelId.DEFAULT;
        private ChatSettings settings = ChatSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private Executor executor = UseCases.Options.DAEMON_THREAD_PER_TASK;
        private SleepPort sleep = SleepPort.THREAD_SLEEP;
        private Consumer<String> warnings = warning -> { };
        private Duration catalogMaxAge = UseCases.Options.defaults().catalogMaxAge();
        private boolean lowerEffortWhenKeyRequired;

        private Builder() {
        }

        /** The browser's whole cookie string; surrounding quotes are removed. */
        public Builder cookies(String value) {
            this.cookies = value;
            return this;
        }

        /** The convex session id; when not given it is read from the {@code convex-session-id} cookie. */
        public Builder convexSessionId(String value) {
            this.convexSessionId = value;
            return this;
        }

        /** A ready session, instead of {@link #cookies} and {@link #convexSessionId}. */
        public Builder session(Session value) {
            this.session = value;
            return this;
        }

        /** Every port of a ready set of adapters, closed with the client. */
        public Builder adapters(DrivenAdapters value) {
            ports.adapters(value);
            return this;
        }

        /** Ports collected elsewhere (by the Guice module, say). */
        Builder ports(Consumer<DrivenPorts.Builder> contribution) {
            contribution.accept(ports);
            return this;
        }

        public Builder chatTransport(StreamChatPort value) {
            ports.chat(value);
            return this;
        }

        public Builder sessionRenewal(RenewSessionPort value) {
            ports.renewSession(value);
            return this;
        }

        public Builder sessionInitializer(InitializeSessionPort value) {
            ports.initializeSession(value);
            return this;
        }

        /** Told whenever the session cookie rotates, to keep it (in a config file, say). */
        public Builder sessionStore(SaveSessionPort value) {
            ports.saveSession(value);
            return this;
        }

        public Builder imageFetcher(FetchImagePort value) {
            ports.fetchImage(value);
            return this;
        }

        public Builder imageStore(SaveImagePort value) {
            ports.saveImage(value);
            return this;
        }

        public Builder conversationStore(SaveConversationPort save, LoadConversationPort load) {
            ports.saveConversation(save).loadConversation(load);
            return this;
        }

        /** The model of the sends that name none (default {@code gemini-2.5-flash-lite}). */
        public Builder model(ModelId value) {
            this.model = requireNonNull(value, "model == null");
            return this;
        }

        /** Like {@link #model(ModelId)}, by id. */
        public Builder model(String value) {
            return model(InvalidInputException.whenInvalid(() -> ModelId.of(value)));
        }

        /** The settings of the sends that give none. */
        public Builder settings(ChatSettings value) {
            this.settings = requireNonNull(value, "settings == null");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock == null");
            return this;
        }

        /** Runs background work: asynchronous and streamed sends, the balance read of a tracked send. */
        public Builder executor(Executor value) {
            this.executor = requireNonNull(value, "executor == null");
            return this;
        }

        /** How the credit tracker waits between balance reads (tests pass one that records). */
        public Builder sleeper(SleepPort value) {
            this.sleep = requireNonNull(value, "sleeper == null");
            return this;
        }

        /** Hears a sentence about something that went wrong without failing a request (a cache not written). */
        public Builder warnings(Consumer<String> value) {
            this.warnings = requireNonNull(value, "warnings == null");
            return this;
        }

        /**
         * Whether a send that t3.chat refuses because the model at that reasoning effort needs the user's own
         * provider key ({@code ApiKeyRequiredException}) is sent once more at low effort, telling the
         * {@link #warnings} so; off by default.
         */
        public Builder lowerEffortWhenKeyRequired(boolean value) {
            this.lowerEffortWhenKeyRequired = value;
            return this;
        }

        /** How long a cached model catalogue is used before the site is read again (a day by default). */
        public Builder catalogMaxAge(Duration value) {
            this.catalogMaxAge = requireNonNull(value, "catalogMaxAge == null");
            return this;
        }

        /** Something to close with the client. */
        public Builder closeOnClose(AutoCloseable value) {
            ports.closeWith(value);
            return this;
        }

        /**
         * @throws InvalidInputException if the chat transport is missing, or credentials are missing or
         *     malformed where an adapter needs them
         */
        public T3Client build() {
            DrivenPorts built = ports.build();
            if (built.chat().isEmpty()) {
                throw new InvalidInputException("No chat transport: pass the HTTP adapters with adapters(..)"
                        + " (t3chat4j-adapter-http), or a transport of your own with chatTransport(..).");
            }
            Session resolved = session != null ? session : credentials(built.credentialsRequired());
            UseCases.Options options = new UseCases.Options(clock, executor, sleep, warnings, catalogMaxAge,
                    lowerEffortWhenKeyRequired);
            return new T3Client(UseCases.create(built, resolved, options), built.resources(), model, settings,
                    options);
        }

        private Session credentials(boolean required) {
            if (cookies == null) {
                if (required) {
                    throw new InvalidInputException("No credentials: pass the browser's cookie string with"
                            + " cookies(..) or a Session with session(..).");
                }
                return Session.anonymous();
            }
            return InvalidInputException.whenInvalid(() -> Session.of(cookies, convexSessionId));
        }
    }
}
