package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.ReplyFailedException;
import io.github.t3chat4j.application.port.in.Cancellation;
import io.github.t3chat4j.application.port.in.ChatEventListener;
import io.github.t3chat4j.application.port.in.DownloadImageCommand;
import io.github.t3chat4j.application.port.in.DownloadImageUseCase;
import io.github.t3chat4j.application.port.in.DownloadProgressListener;
import io.github.t3chat4j.application.port.in.InitializeSessionCommand;
import io.github.t3chat4j.application.port.in.InitializeSessionUseCase;
import io.github.t3chat4j.application.port.in.RefreshSessionCommand;
import io.github.t3chat4j.application.port.in.RefreshSessionUseCase;
import io.github.t3chat4j.application.port.in.SendMessageCommand;
import io.github.t3chat4j.application.port.in.SendMessageResult;
import io.github.t3chat4j.application.port.in.SendMessageUseCase;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.application.service.DownloadImageService;
import io.github.t3chat4j.application.service.InitializeSessionService;
import io.github.t3chat4j.application.service.RefreshSessionService;
import io.github.t3chat4j.application.service.SendMessageService;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The t3.chat client: one signed-in user, one current conversation. It keeps the session (refreshing
 * the rotating cookie before the first send and once when a request is rejected), the thread id and
 * the message history that goes out with every send, and offers image download.
 *
 * <p>Sends are serialised: one at a time per client. {@link #close()} releases what the builder was
 * told to close (the HTTP connection pool, say). Build one with {@link #builder()}.
 */
public final class T3Client implements AutoCloseable {

    private final SendMessageUseCase sendMessage;
    private final RefreshSessionUseCase refreshSession;
    private final InitializeSessionUseCase initializeSession;
    private final DownloadImageUseCase downloadImage;
    private final SaveConversationPort saveConversation;
    private final LoadConversationPort loadConversation;
    private final List<AutoCloseable> closeables;
    private final Clock clock;
    private final ReentrantLock sending = new ReentrantLock();

    private volatile Session session;
    private volatile Conversation conversation;
    private volatile boolean threadStarted;
    private volatile boolean refreshedOnce;
    private volatile Reply lastReply;

    private T3Client(Builder b) {
        this.session = b.session;
        this.clock = b.clock;
        this.refreshSession = new RefreshSessionService(b.renewSession);
        // A renewal during a send (after a 401) is kept even when the send then fails.
        this.sendMessage = new SendMessageService(b.chat, command -> {
            Session renewed = refreshSession.refreshSession(command);
            session = renewed;
            refreshedOnce = true;
            return renewed;
        });
        this.initializeSession = new InitializeSessionService(b.initializeSession);
        this.downloadImage = b.fetchImage == null || b.saveImage == null ? null
                : new DownloadImageService(b.fetchImage, b.saveImage);
        this.saveConversation = b.saveConversation;
        this.loadConversation = b.loadConversation;
        this.closeables = List.copyOf(b.closeables);
        this.conversation = Conversation.start(b.model, b.settings, clock.instant());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the session with t3.chat ({@code GET /}). Call it once after building; a 2xx means the
     * session was accepted.
     */
    public void init() {
        initializeSession.initializeSession(new InitializeSessionCommand(session));
    }

    /**
     * The session for other requests of this user (account data, say): renewed once if this client has
     * not renewed it yet, as is; renewing the same rotating cookie twice may be refused.
     */
    public Session renewedSession() {
        if (!refreshedOnce) {
            refreshSession();
        }
        return session;
    }

    /** Renews the rotating {@code wos-session} cookie now and returns the session in use afterwards. */
    public Session refreshSession() {
        session = refreshSession.refreshSession(new RefreshSessionCommand(session));
        refreshedOnce = true;
        return session;
    }

    /** Sends {@code message} (or, when null, the queued history) and returns the assistant's reply. */
    public Message send(String model, String message, ChatSettings settings) {
        return send(ModelId.of(model), message, settings, ChatEventListener.NONE, new Cancellation());
    }

    /** Like {@link #send(String, String, ChatSettings)}, calling {@code listener} for each event as it arrives. */
    public Message send(String model, String message, ChatSettings settings, ChatEventListener listener) {
        return send(ModelId.of(model), message, settings, listener, new Cancellation());
    }

    /**
     * Appends {@code message} (unless null) to the conversation as a user message, sends the whole
     * history, streams the reply's events to {@code listener}, and appends and returns the assistant
     * message. With nothing to send, returns an assistant message flagged as an error instead of
     * throwing, as the original client does.
     *
     * <p>A reply that breaks off midway stays in the history marked incomplete, and the exception
     * ({@link ReplyFailedException}) carries it; the user message is kept once. A cancelled reply
     * returns normally with an incomplete message. When nothing at all was received (the request
     * failed, or was cancelled before the first token), the history is left as it was before the call.
     */
    public Message send(ModelId model, String message, ChatSettings settings, ChatEventListener listener,
            Cancellation cancellation) {
        requireNonNull(model, "model == null");
        requireNonNull(settings, "settings == null");
        requireNonNull(listener, "listener == null");
        requireNonNull(cancellation, "cancellation == null");
        sending.lock();
        try {
            Conversation before = conversation;
            if (message != null) {
                appendMessage(Message.user(message));
            }
            if (conversation.messages().isEmpty()) {
                return Message.error("No messages to send: pass a message or append one first.");
            }
            SendMessageResult result;
            try {
                if (!refreshedOnce) {
                    refreshSession();
                }
                conversation = conversation.withModel(model).withSettings(settings);
                result = sendMessage.sendMessage(
                        new SendMessageCommand(session, conversation, model, settings, cancellation), listener);
            } catch (ReplyFailedException failed) {
                Reply partial = failed.partialReply();
                lastReply = partial;
                if (!hasContent(partial)) {
                    conversation = before;
                    throw failed;
                }
                threadStarted = true;
                conversation = conversation.append(
                        partial.toMessage(MessageId.random(), model, clock.instant()), clock.instant());
                try {
                    save();
                } catch (RuntimeException saveFailed) {
                    failed.addSuppressed(saveFailed);
                }
                throw failed;
            } catch (RuntimeException failed) {
                // Nothing was received: the history is as it was, so sending the same text again does not
                // leave it in twice.
                conversation = before;
                throw failed;
            }
            session = result.session();
            lastReply = result.reply();
            Message reply = result.reply().toMessage(result.replyId(), model, clock.instant());
            if (!hasContent(result.reply())) {
                // Cancelled before the first token: nothing to keep, and nothing for the next send to repeat.
                conversation = before;
                return reply;
            }
            threadStarted = true;
            conversation = conversation.append(reply, clock.instant());
            save();
            return reply;
        } finally {
            sending.unlock();
        }
    }

    private static boolean hasContent(Reply reply) {
        return !reply.text().isEmpty() || !reply.reasoning().isEmpty() || reply.image().isPresent();
    }

    /**
     * Sends like {@link #send(String, String, ChatSettings)}, and when the reply carries an image,
     * downloads it (without the t3.chat cookie), saves it at {@code savePath}, and returns the message with
     * the image's base64 data and local path filled in.
     */
    public Message sendWithImageDownload(String model, String message, ChatSettings settings, Path savePath) {
        requireNonNull(savePath, "savePath == null");
        Message reply = send(model, message, settings);
        Optional<ImageContent> image = reply.image();
        if (image.isEmpty()) {
            return reply;
        }
        ImageContent saved = requireImages().downloadImage(
                new DownloadImageCommand(image.get(), ImageTarget.at(savePath), true));
        Message updated = reply.toBuilder().image(saved).build();
        replaceLast(reply, updated);
        return updated;
    }

    /** Downloads the image at {@code url}, saves it at {@code savePath}, and returns its bytes as base64. */
    public String downloadImage(String url, Path savePath) {
        requireNonNull(url, "url == null");
        requireNonNull(savePath, "savePath == null");
        ImageContent image;
        try {
            image = ImageContent.fromUrl(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        return requireImages().downloadImage(new DownloadImageCommand(image, ImageTarget.at(savePath), true))
                .base64Data().orElseThrow();
    }

    /** Saves the image of {@code message} where the image store chooses (or at {@code target}); returns the image. */
    public ImageContent saveImage(ImageContent image, ImageTarget target) {
        return saveImage(image, target, DownloadProgressListener.NONE);
    }

    /** Like {@link #saveImage(ImageContent, ImageTarget)}, reporting the download's progress. */
    public ImageContent saveImage(ImageContent image, ImageTarget target, DownloadProgressListener progress) {
        return requireImages().downloadImage(new DownloadImageCommand(image, target, false, progress));
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
        Conversation c = conversation;
        conversation = Conversation.start(c.model(), c.settings(), clock.instant());
        threadStarted = false;
        lastReply = null;
    }

    /** Continues an existing thread with its earlier messages. */
    public void resumeConversation(ThreadId threadId, List<Message> messages) {
        requireNonNull(threadId, "threadId == null");
        requireNonNull(messages, "messages == null");
        Conversation c = conversation;
        Conversation resumed = new Conversation(threadId, "", c.model(), c.settings(), List.of(), clock.instant(),
                clock.instant());
        for (Message m : messages) {
            resumed = resumed.append(m, clock.instant());
        }
        resumeConversation(resumed);
    }

    /** Continues a stored conversation: its thread id, history, model and settings. */
    public void resumeConversation(Conversation stored) {
        conversation = requireNonNull(stored, "stored == null");
        threadStarted = true;
        lastReply = null;
    }

    /**
     * Continues the stored conversation with this thread id.
     *
     * @throws InvalidInputException if no conversation store was configured or none has this id
     */
    public Conversation resumeConversation(ThreadId threadId) {
        if (loadConversation == null) {
            throw new InvalidInputException("No conversation store is configured.");
        }
        Conversation stored = loadConversation.load(threadId)
                .orElseThrow(() -> new InvalidInputException("No stored conversation has the id " + threadId + "."));
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

    /** The session in use (it changes when the cookie rotates); its {@code toString()} is redacted. */
    public Session session() {
        return session;
    }

    private DownloadImageUseCase requireImages() {
        if (downloadImage == null) {
            throw new InvalidInputException("Image download needs an image fetcher and an image store:"
                    + " pass both to T3Client.builder().");
        }
        return downloadImage;
    }

    private void replaceLast(Message old, Message updated) {
        List<Message> messages = new ArrayList<>(conversation.messages());
        int at = messages.lastIndexOf(old);
        if (at >= 0) {
            messages.set(at, updated);
            Conversation c = conversation;
            conversation = new Conversation(c.threadId(), c.title(), c.model(), c.settings(), messages,
                    c.createdAt(), clock.instant());
            save();
        }
    }

    private void save() {
        if (saveConversation != null) {
            saveConversation.save(conversation);
        }
    }

    /** Closes what the builder was told to close, in reverse order; the first failure is rethrown at the end. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Closing " + closeables.get(i).getClass().getSimpleName()
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
        return "T3Client[" + session + ", thread=" + threadId().map(ThreadId::value).orElse("(new)") + ", "
                + conversation.messages().size() + " messages]";
    }

    /**
     * Builds a {@link T3Client}. Credentials and a chat transport are required; every other port is
     * optional: without a session renewer the cookie is never rotated, without an image fetcher and
     * store images are not downloaded, without a conversation store nothing is saved.
     */
    public static final class Builder {
        private Session session;
        private String cookies;
        private String convexSessionId;
        private StreamChatPort chat;
        private RenewSessionPort renewSession = s -> Optional.empty();
        private InitializeSessionPort initializeSession = s -> { };
        private FetchImagePort fetchImage;
        private SaveImagePort saveImage;
        private SaveConversationPort saveConversation;
        private LoadConversationPort loadConversation;
        private ModelId model = ModelId.DEFAULT;
        private ChatSettings settings = ChatSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private final List<AutoCloseable> closeables = new ArrayList<>();

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

        public Builder chatTransport(StreamChatPort value) {
            this.chat = value;
            return this;
        }

        public Builder sessionRenewal(RenewSessionPort value) {
            this.renewSession = requireNonNull(value, "sessionRenewal == null");
            return this;
        }

        public Builder sessionInitializer(InitializeSessionPort value) {
            this.initializeSession = requireNonNull(value, "sessionInitializer == null");
            return this;
        }

        public Builder imageFetcher(FetchImagePort value) {
            this.fetchImage = value;
            return this;
        }

        public Builder imageStore(SaveImagePort value) {
            this.saveImage = value;
            return this;
        }

        public Builder conversationStore(SaveConversationPort save, LoadConversationPort load) {
            this.saveConversation = save;
            this.loadConversation = load;
            return this;
        }

        /** The model of a new conversation (default {@code gemini-2.5-flash-lite}). */
        public Builder model(ModelId value) {
            this.model = requireNonNull(value, "model == null");
            return this;
        }

        public Builder settings(ChatSettings value) {
            this.settings = requireNonNull(value, "settings == null");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock == null");
            return this;
        }

        /** Something to close with the client, such as the HTTP connection pool. */
        public Builder closeOnClose(AutoCloseable value) {
            closeables.add(requireNonNull(value, "closeable == null"));
            return this;
        }

        /**
         * @throws InvalidInputException if credentials or the chat transport are missing or malformed
         */
        public T3Client build() {
            if (session == null) {
                if (cookies == null) {
                    throw new InvalidInputException("No credentials: pass the browser's cookie string with"
                            + " cookies(..) or a Session with session(..).");
                }
                try {
                    session = Session.of(cookies, convexSessionId);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(e.getMessage());
                }
            }
            if (chat == null) {
                throw new InvalidInputException("No chat transport: pass one with chatTransport(..), for example"
                        + " the HTTP adapter of t3chat4j-adapter-http.");
            }
            return new T3Client(this);
        }
    }
}
