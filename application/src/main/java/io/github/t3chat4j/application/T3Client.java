package io.github.t3chat4j.application;

import io.github.t3chat4j.application.error.ClientClosedException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.internal.usecase.DownloadImageCommand;
import io.github.t3chat4j.application.DownloadProgressListener;
import io.github.t3chat4j.application.internal.usecase.ReadImageQuery;
import io.github.t3chat4j.application.internal.usecase.SendMessageCommand;
import io.github.t3chat4j.application.internal.usecase.SendMessageResult;
import io.github.t3chat4j.application.port.out.SleepPort;
import io.github.t3chat4j.application.internal.service.ReplyExchange;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.stream.ReplyAccumulator;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The t3.chat client: one signed-in user over one connection (one session, renewed as t3.chat rotates
 * it; one connection pool). It keeps no conversation of its own: conversations are handles
 * ({@link #chat()}, {@link #chat(Conversation)}, {@link #resume(ThreadId)}) or values
 * ({@link #stream(Conversation, String, ChatOptions)}), so one client serves any number of them at once,
 * from any threads. Nothing changes a client after it is built: options go with each send
 * ({@link ChatOptions}).
 *
 * <pre>{@code
 * try (T3Client client = T3Client.fromEnv()) {              // COOKIES, CONVEX_SESSION_ID, T3_BASE_URL, ...
 *     Chat chat = client.chat();
 *     System.out.println(chat.send("Hello!").text());
 *     System.out.println(chat.send("And in French?").text());   // the whole history goes out
 * }
 * }</pre>
 *
 * <p>For a program with one conversation, the client also keeps a current one, a thin layer over a
 * {@link Chat}: {@link #send(String)}, {@link #stream(String)}, {@link #newConversation()} and
 * {@link #resumeConversation(ThreadId)}.
 *
 * <p>{@link #close()} closes what the client opened (the connection pool of the HTTP adapters it was
 * given); afterwards every call throws {@link ClientClosedException}. Every failure is a
 * {@link T3ChatException}. Thread-safe. Build one with {@link #builder()} or {@link #fromEnv()}.
 */
public final class T3Client implements AutoCloseable {

    private final UseCases useCases;
    private final AccountClient account;
    private final LocalClient local;
    private final List<AutoCloseable> opened;
    private final ChatOptions options;
    private final Clock clock;
    private final Executor executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Chat current;

    private T3Client(UseCases useCases, List<AutoCloseable> opened, ChatOptions options) {
        this.useCases = useCases;
        this.account = new AccountClient(useCases, this::checkOpen);
        this.local = new LocalClient(useCases.ports);
        this.opened = List.copyOf(opened);
        this.options = options;
        this.clock = useCases.options.clock();
        this.executor = useCases.options.executor();
        this.current = newChat(Conversation.start(options.model(), options.settings(), clock.instant()), false,
                options);
    }

    /**
     * A builder: credentials, adapters, default options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client from the process environment: see {@link #fromEnv(Map)}. This is the one place the library
     * reads the process environment; it reads no file (no {@code .env}, not the {@code t3} command's
     * config file).
     *
     * @return the client
     * @throws InvalidInputException naming the variable that is missing or cannot work
     * @throws io.github.t3chat4j.application.error.NotConfiguredException when no adapters are on the class path
     */
    public static T3Client fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * A client from {@code environment}: the credentials from {@code COOKIES} (the browser's cookie string)
     * and {@code CONVEX_SESSION_ID} (unless the cookie string holds the {@code convex-session-id} cookie);
     * the default model from {@code T3_MODEL}, the system prompt from {@code T3_SYSTEM_PROMPT}, the time
     * zone and locale from {@code T3_TIMEZONE} and {@code T3_LOCALE}; the adapters from the class path
     * ({@code t3chat4j-adapter-http}, which reads {@code T3_BASE_URL}, {@code T3_USER_AGENT},
     * {@code T3_TRANSPORT}, {@code T3_CURL} and the proxy's variables). The testkit's fake t3.chat gives
     * the map that reaches it ({@code FakeT3Server.environment()}).
     *
     * @param environment the variables
     * @return the client
     * @throws InvalidInputException naming the variable that is missing or cannot work
     * @throws io.github.t3chat4j.application.error.NotConfiguredException when no adapters are on the class path
     */
    public static T3Client fromEnv(Map<String, String> environment) {
        Inputs.required(environment, "environment");
        String cookies = variable(environment, "COOKIES").orElseThrow(() -> new InvalidInputException(
                "No credentials in the environment: set COOKIES to the browser's cookie string for t3.chat (and"
                        + " CONVEX_SESSION_ID to its convex session id, unless the cookie string holds it)."));
        ChatSettings settings = ChatSettings.defaults();
        settings = settings.withSystemPrompt(variable(environment, "T3_SYSTEM_PROMPT").orElse(""));
        ChatSettings base = settings;
        settings = variable(environment, "T3_TIMEZONE").map(zone -> named("T3_TIMEZONE",
                () -> base.withTimezone(zone))).orElse(settings);
        ChatSettings zoned = settings;
        settings = variable(environment, "T3_LOCALE").map(locale -> named("T3_LOCALE",
                () -> zoned.withLocale(locale))).orElse(settings);
        ChatOptions options = ChatOptions.defaults().withSettings(settings);
        Optional<String> model = variable(environment, "T3_MODEL");
        if (model.isPresent()) {
            options = options.withModel(named("T3_MODEL", () -> ModelId.of(model.get())));
        }
        Session session;
        try {
            session = Session.of(cookies, variable(environment, "CONVEX_SESSION_ID").orElse(null));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("COOKIES and CONVEX_SESSION_ID: " + e.getMessage(),
                    io.github.t3chat4j.application.error.Remedy.CREDENTIALS);
        }
        return builder().session(session).adapters(provider().fromEnvironment(environment)).options(options).build();
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** {@code make}'s value; a value it refuses is an {@link InvalidInputException} naming {@code variable}. */
    private static <T> T named(String variable, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(variable + ": " + e.getMessage());
        }
    }

    /** The adapters' provider on the class path: the thread's context class loader's, else this library's. */
    private static DrivenAdapters.Provider provider() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Optional<DrivenAdapters.Provider> found = context == null ? Optional.empty()
                : ServiceLoader.load(DrivenAdapters.Provider.class, context).findFirst();
        return found.or(() -> ServiceLoader.load(DrivenAdapters.Provider.class, T3Client.class.getClassLoader())
                .findFirst()).orElseThrow(() -> new io.github.t3chat4j.application.error.NotConfiguredException(
                        "No adapters on the class path: add t3chat4j-adapter-http, or build a client with"
                                + " T3Client.builder() and a transport of your own."));
    }

    // ---- the stateless core -------------------------------------------------------------------------

    /**
     * A new conversation (a fresh thread) with this client's default options.
     *
     * @return the conversation's handle
     */
    public Chat chat() {
        return chat(options);
    }

    /**
     * A new conversation (a fresh thread) whose sends use {@code options} unless they give their own.
     *
     * @param options the conversation's default options
     * @return the conversation's handle
     */
    public Chat chat(ChatOptions options) {
        checkOpen();
        Inputs.required(options, "options");
        return newChat(Conversation.start(options.model(), options.settings(), clock.instant()), false, options);
    }

    /**
     * A handle on {@code conversation}, to continue it: its thread id and history (which may end with a
     * user message to answer with {@link Chat#reply(ChatOptions)}), with this client's default options.
     *
     * @param conversation the conversation so far
     * @return its handle
     */
    public Chat chat(Conversation conversation) {
        return chat(conversation, options);
    }

    /**
     * A handle on {@code conversation} whose sends use {@code options} unless they give their own.
     *
     * @param conversation the conversation so far
     * @param options the default options of its sends
     * @return its handle
     */
    public Chat chat(Conversation conversation, ChatOptions options) {
        checkOpen();
        return newChat(Inputs.required(conversation, "conversation"), true, Inputs.required(options, "options"));
    }

    /**
     * A handle on the stored conversation with this thread id, with its model and settings.
     *
     * @param threadId the conversation's thread id
     * @return its handle
     * @throws io.github.t3chat4j.application.error.NotConfiguredException without a conversation store
     * @throws InvalidInputException when no stored conversation has this id
     */
    public Chat resume(ThreadId threadId) {
        checkOpen();
        Conversation stored = local.loadConversation(Inputs.required(threadId, "threadId"));
        return newChat(stored, true, options.withModel(stored.model()).withSettings(stored.settings()));
    }

    /**
     * Sends {@code text} as the next message of {@code conversation} (a value: nothing is kept here), the
     * reply pulled event by event; {@link ReplyStream#conversation()} is the conversation afterwards. With
     * a conversation store, the send locks the conversation, continues from its latest stored version and
     * saves it.
     *
     * @param conversation the conversation so far
     * @param text the message, or null to ask for the reply to the conversation as it stands
     * @param options the options of this send
     * @return the reply, not started: the first pull sends the message
     */
    public ReplyStream stream(Conversation conversation, String text, ChatOptions options) {
        checkOpen();
        Inputs.required(conversation, "conversation");
        Inputs.required(options, "options");
        SendMessageCommand command = new SendMessageCommand(conversation, text, options.model(), options.settings(),
                options.timeout(), options.retries());
        return new ReplyStream(new ReplyStream.Turn() {
            @Override
            public ReplyExchange begin(BooleanSupplier giveUp) {
                checkOpen();
                return useCases.sendMessage(command);
            }

            @Override
            public void end(SendMessageResult result, T3ChatException failure) {
            }

            @Override
            public SendMessageResult notStarted() {
                Reply nothing = new ReplyAccumulator().toReply(Reply.Ending.CANCELLED);
                return new SendMessageResult(conversation,
                        nothing.toMessage(MessageId.random(), options.model(), clock.instant()), nothing,
                        Optional.empty());
            }
        });
    }

    /** @return the options of sends that give none (the builder's) */
    public ChatOptions options() {
        return options;
    }

    /** @return credits, usage, the model catalogue and the other account reads, over this client's session */
    public AccountClient account() {
        return account;
    }

    /** @return the stored conversations and settings this client was given (the storage adapters) */
    public LocalClient local() {
        return local;
    }

    // ---- images -------------------------------------------------------------------------------------

    /**
     * Saves {@code image} (downloaded without the t3.chat cookie, or its inline bytes) where the image
     * store puts {@code target}; reports the download's progress.
     *
     * @param image the image of a reply
     * @param target an exact path, or a name the store picks
     * @param progress hears how much has arrived
     * @return the image with where it was saved
     */
    public ImageContent saveImage(ImageContent image, ImageTarget target, DownloadProgressListener progress) {
        checkOpen();
        return useCases.downloadImage.downloadImage(new DownloadImageCommand(Inputs.required(image, "image"),
                Inputs.required(target, "target"), false, Inputs.required(progress, "progress")));
    }

    /**
     * The bytes of {@code image}: its inline data, or downloaded from its URL without the t3.chat cookie.
     *
     * @param image the image of a reply
     * @return its bytes
     */
    public byte[] imageBytes(ImageContent image) {
        checkOpen();
        return useCases.readImage.readImage(new ReadImageQuery(Inputs.required(image, "image"))).bytes()
                .orElseThrow();
    }

    // ---- the session --------------------------------------------------------------------------------

    /** Opens the session with t3.chat ({@code GET /}); returns when t3.chat accepted it. */
    public void init() {
        checkOpen();
        useCases.initializeSession.initializeSession();
    }

    /** @return the session in use (it changes when the cookie rotates); its {@code toString()} is redacted */
    public Session session() {
        return useCases.keeper.current();
    }

    /**
     * Renews the rotating {@code wos-session} cookie now.
     *
     * @return the session in use afterwards
     */
    public Session refreshSession() {
        checkOpen();
        return useCases.refreshSession.refreshSession();
    }

    // ---- the current conversation (a thin layer over one Chat) -------------------------------------

    /**
     * Sends {@code text} as the next message of the current conversation.
     *
     * @param text the message
     * @return the reply
     * @see Chat#send(String)
     */
    public Message send(String text) {
        return currentChat().send(text);
    }

    /**
     * Sends {@code text} as the next message of the current conversation, calling {@code listener} with
     * each event.
     *
     * @param text the message
     * @param listener hears each event, on this thread
     * @return the reply
     * @see Chat#send(String, ChatEventListener)
     */
    public Message send(String text, ChatEventListener listener) {
        return currentChat().send(text, listener);
    }

    /**
     * Sends {@code text} as the next message of the current conversation, with {@code options}.
     *
     * @param text the message
     * @param options the options of this send
     * @return the reply
     */
    public Message send(String text, ChatOptions options) {
        return currentChat().send(text, options);
    }

    /**
     * Sends {@code text} as the next message of the current conversation; the reply is pulled.
     *
     * @param text the message
     * @return the reply, not started
     * @see Chat#stream(String)
     */
    public ReplyStream stream(String text) {
        return currentChat().stream(text);
    }

    /**
     * Sends {@code text} as the next message of the current conversation, in the background.
     *
     * @param text the message
     * @param listener hears each event, on the executor's thread
     * @return the reply to come; cancelling it cancels the reply
     * @see Chat#sendAsync(String, ChatEventListener)
     */
    public CompletableFuture<Message> sendAsync(String text, ChatEventListener listener) {
        return currentChat().sendAsync(text, listener);
    }

    /**
     * Sends {@code text} as the next message of the current conversation and, when the reply carries an
     * image, saves it at {@code savePath}; the message's image then holds its bytes (base64) and where it
     * was saved.
     *
     * @param text the message
     * @param savePath where the image goes
     * @return the reply, its image with where it was saved
     */
    public Message sendWithImageDownload(String text, Path savePath) {
        Inputs.required(savePath, "savePath");
        Chat chat = currentChat();
        Message reply = chat.send(text);
        Optional<ImageContent> image = reply.image();
        if (image.isEmpty()) {
            return reply;
        }
        checkOpen();
        ImageContent saved = useCases.downloadImage.downloadImage(new DownloadImageCommand(image.get(),
                ImageTarget.at(savePath), true));
        Message updated = reply.toBuilder().image(saved).build();
        List<Message> messages = new ArrayList<>(chat.messages());
        int at = messages.lastIndexOf(reply);
        if (at >= 0) {
            messages.set(at, updated);
            Conversation c = chat.conversation();
            Conversation replaced = c.withMessages(messages, clock.instant());
            chat.replace(replaced);
            useCases.ports.conversations.ifPresent(store -> store.save(replaced));
        }
        return updated;
    }

    /**
     * Downloads the image at {@code url} (without the t3.chat cookie) and saves it at {@code savePath}.
     *
     * @param url the image's URL
     * @param savePath where it goes
     * @return where it was saved
     */
    public Path downloadImage(String url, Path savePath) {
        ImageContent image = Inputs.valid(() -> ImageContent.fromUrl(Inputs.required(url, "url")));
        ImageContent saved = saveImage(image, ImageTarget.at(Inputs.required(savePath, "savePath")),
                DownloadProgressListener.NONE);
        return Path.of(saved.localPath().orElseThrow());
    }

    /**
     * Queues a message in the current conversation without sending it.
     *
     * @param message the message
     */
    public void appendMessage(Message message) {
        currentChat().append(message);
    }

    /** Forgets the current conversation's messages but keeps its thread. */
    public void clearMessages() {
        currentChat().clear();
    }

    /** Starts a fresh current conversation: a new thread id (chosen at the next send), no history. */
    public void newConversation() {
        checkOpen();
        current = newChat(Conversation.start(options.model(), options.settings(), clock.instant()), false, options);
    }

    /**
     * Makes the stored conversation with this thread id the current one.
     *
     * @param threadId the conversation's thread id
     * @return the stored conversation
     * @throws io.github.t3chat4j.application.error.NotConfiguredException without a conversation store
     * @throws InvalidInputException when no stored conversation has this id
     */
    public Conversation resumeConversation(ThreadId threadId) {
        Chat resumed = resume(threadId);
        current = resumed;
        return resumed.conversation();
    }

    /**
     * Makes {@code conversation} the current one: its thread id, history, model and settings.
     *
     * @param conversation the conversation to continue
     */
    public void resumeConversation(Conversation conversation) {
        checkOpen();
        Inputs.required(conversation, "conversation");
        current = newChat(conversation, true, options.withModel(conversation.model())
                .withSettings(conversation.settings()));
    }

    /** @return the current conversation's handle */
    public Chat currentChat() {
        checkOpen();
        return current;
    }

    /** @return the current conversation as a value */
    public Conversation conversation() {
        return current.conversation();
    }

    /** @return the current conversation's history, oldest first */
    public List<Message> messages() {
        return current.messages();
    }

    /** @return the current conversation's thread id, once its first send went out (or after a resume) */
    public Optional<ThreadId> threadId() {
        return current.threadId();
    }

    /** @return the last reply of the current conversation, as assembled from its events */
    public Optional<Reply> lastReply() {
        return current.lastReply();
    }

    private Chat newChat(Conversation conversation, boolean started, ChatOptions chatOptions) {
        return new Chat(useCases, chatOptions, conversation, started, executor, clock, this::checkOpen);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new ClientClosedException("This client is closed; build a new one to go on.");
        }
    }

    /**
     * Closes what this client opened (the adapters' connection pool, say), in reverse order; the first
     * failure is thrown at the end. A second call does nothing. Never closes what it was handed ready-made.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Ports.closeAll(opened, null);
        }
    }

    @Override
    public String toString() {
        return "T3Client[" + session() + ", " + options + "]";
    }

    /**
     * Builds a {@link T3Client}. A chat transport is required (from {@link #adapters(DrivenAdapters)} or
     * {@link #chatTransport(ChatTransport)}), and credentials when an adapter sends them to t3.chat; a
     * transport of your own that never sends them needs none. Every other port is optional.
     */
    public static final class Builder {
        private Session session;
        private String cookies;
        private String convexSessionId;
        private final Ports.Builder ports = Ports.builder();
        private ChatOptions options = ChatOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private Executor executor = UseCases.Options.DAEMON_THREAD_PER_TASK;
        private SleepPort sleep = SleepPort.THREAD_SLEEP;
        private Consumer<String> warnings = warning -> { };
        private Duration catalogMaxAge = UseCases.Options.defaults().catalogMaxAge();
        private final List<AutoCloseable> closeWith = new ArrayList<>();
        private boolean lowerEffortWhenKeyRequired;

        private Builder() {
        }

        /**
         * @param value the browser's whole cookie string (surrounding quotes are removed)
         * @return this builder
         */
        public Builder cookies(String value) {
            this.cookies = value;
            return this;
        }

        /**
         * @param value the convex session id; when not given it is read from the {@code convex-session-id} cookie
         * @return this builder
         */
        public Builder convexSessionId(String value) {
            this.convexSessionId = value;
            return this;
        }

        /**
         * @param value a ready session, instead of {@link #cookies} and {@link #convexSessionId}
         * @return this builder
         */
        public Builder session(Session value) {
            this.session = value;
            return this;
        }

        /**
         * @param value a set of adapters; the client opens it for itself and closes what it opened
         * @return this builder
         */
        public Builder adapters(DrivenAdapters value) {
            ports.adapters(value);
            return this;
        }

        /** Ports collected elsewhere (by the Guice module, say). */
        Builder ports(Consumer<Ports.Builder> contribution) {
            contribution.accept(ports);
            return this;
        }

        /**
         * @param value a chat transport of your own; it wins over the adapters', and is never closed by the client
         * @return this builder
         */
        public Builder chatTransport(ChatTransport value) {
            ports.chat(Inputs.required(value, "chatTransport"));
            return this;
        }

        /**
         * @param value the options of sends that give none (default {@link ChatOptions#defaults()})
         * @return this builder
         */
        public Builder options(ChatOptions value) {
            this.options = Inputs.required(value, "options");
            return this;
        }

        /**
         * @param value the model of sends that name none (default {@code gemini-2.5-flash-lite})
         * @return this builder
         */
        public Builder model(String value) {
            this.options = options.withModel(value);
            return this;
        }

        /**
         * @param value the model of sends that name none
         * @return this builder
         */
        public Builder model(ModelId value) {
            this.options = options.withModel(value);
            return this;
        }

        /**
         * @param value the settings of sends that give none
         * @return this builder
         */
        public Builder settings(ChatSettings value) {
            this.options = options.withSettings(value);
            return this;
        }

        /**
         * @param value the clock of timestamps and of the catalogue cache's age
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Inputs.required(value, "clock");
            return this;
        }

        /**
         * @param value runs background work: asynchronous sends, the balance read of a tracked send (by
         *     default a fresh daemon thread per task)
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Inputs.required(value, "executor");
            return this;
        }

        /**
         * @param value how the credit tracker waits between balance reads (tests pass one that records)
         * @return this builder
         */
        public Builder sleeper(SleepPort value) {
            this.sleep = Inputs.required(value, "sleeper");
            return this;
        }

        /**
         * @param value hears a sentence about something that went wrong without failing a request (a
         *     renewed cookie not kept, a cache not written)
         * @return this builder
         */
        public Builder warnings(Consumer<String> value) {
            this.warnings = Inputs.required(value, "warnings");
            return this;
        }

        /**
         * Whether a send that t3.chat refuses because the model at that reasoning effort needs the user's own
         * provider key ({@link io.github.t3chat4j.application.error.ApiKeyRequiredException}) is sent once more
         * at low effort, telling the {@link #warnings} so; off by default.
         *
         * @param value whether to send once more at low effort
         * @return this builder
         */
        public Builder lowerEffortWhenKeyRequired(boolean value) {
            this.lowerEffortWhenKeyRequired = value;
            return this;
        }

        /**
         * @param value how long a cached model catalogue is used before the site is read again (a day by default)
         * @return this builder
         */
        public Builder catalogMaxAge(Duration value) {
            this.catalogMaxAge = Inputs.required(value, "catalogMaxAge");
            return this;
        }

        /**
         * @param value something to close with the client (after what the client opened)
         * @return this builder
         */
        public Builder closeOnClose(AutoCloseable value) {
            closeWith.add(Inputs.required(value, "value"));
            return this;
        }

        /**
         * Opens the adapters and builds the client.
         *
         * @return the client
         * @throws InvalidInputException if the chat transport is missing, or credentials are missing or
         *     malformed where an adapter needs them
         */
        public T3Client build() {
            Ports built = ports.build();
            try {
                if (built.chat.isEmpty()) {
                    throw new InvalidInputException("No chat transport: pass the HTTP adapters with adapters(..)"
                            + " (t3chat4j-adapter-http), or a transport of your own with chatTransport(..).");
                }
                Session resolved = session != null ? session : credentials(built.credentialsRequired);
                UseCases.Options settings = new UseCases.Options(clock, executor, sleep, warnings, catalogMaxAge,
                        lowerEffortWhenKeyRequired);
                List<AutoCloseable> opened = new ArrayList<>(closeWith);
                opened.addAll(built.opened);
                return new T3Client(UseCases.create(built, resolved, settings), opened, options);
            } catch (RuntimeException e) {
                Ports.closeAll(built.opened, e);
                throw e;
            }
        }

        private Session credentials(boolean required) {
            if (cookies == null) {
                if (required) {
                    throw new InvalidInputException("No credentials: pass the browser's cookie string with"
                            + " cookies(..) or a Session with session(..).");
                }
                return Session.anonymous();
            }
            try {
                return Session.of(cookies, convexSessionId);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage(), io.github.t3chat4j.application.error.Remedy.CREDENTIALS);
            }
        }
    }
}
