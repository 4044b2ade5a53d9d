package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.ChatStreamException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.port.in.Cancellation;
import io.github.t3chat4j.application.port.in.ChatEventListener;
import io.github.t3chat4j.application.port.in.RefreshSessionCommand;
import io.github.t3chat4j.application.port.in.RefreshSessionUseCase;
import io.github.t3chat4j.application.port.in.SendMessageCommand;
import io.github.t3chat4j.application.port.in.SendMessageResult;
import io.github.t3chat4j.application.port.in.SendMessageUseCase;
import io.github.t3chat4j.application.port.out.ChatRequest;
import io.github.t3chat4j.application.port.out.ChatStream;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.stream.ReplyAccumulator;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** Opens the chat stream (refreshing the session once on rejection), relays events, assembles the reply. */
public final class SendMessageService implements SendMessageUseCase {

    private final StreamChatPort chat;
    private final RefreshSessionUseCase refreshSession;

    public SendMessageService(StreamChatPort chat, RefreshSessionUseCase refreshSession) {
        this.chat = requireNonNull(chat, "chat == null");
        this.refreshSession = requireNonNull(refreshSession, "refreshSession == null");
    }

    @Override
    public SendMessageResult sendMessage(SendMessageCommand command, ChatEventListener listener) {
        requireNonNull(command, "command == null");
        requireNonNull(listener, "listener == null");
        MessageId replyId = MessageId.random();
        Session session = command.session();
        if (command.cancellation().isCancelled()) {
            // Cancelled before anything was sent: send nothing (a request costs credits).
            return new SendMessageResult(new ReplyAccumulator().toReply(Reply.Ending.CANCELLED), replyId, session);
        }
        ChatStream stream;
        try (OpeningGuard guard = new OpeningGuard(command.cancellation())) {
            try {
                stream = chat.open(request(command, session, replyId));
            } catch (SessionExpiredException rejected) {
                session = refreshSession.refreshSession(new RefreshSessionCommand(session));
                stream = openAfterRefresh(command, session, replyId);
            }
        } catch (T3ChatException failed) {
            if (command.cancellation().isCancelled()) {
                return new SendMessageResult(new ReplyAccumulator().toReply(Reply.Ending.CANCELLED), replyId, session);
            }
            throw failed;
        }
        Reply reply = relay(stream, command, listener);
        if (reply.ending() == Reply.Ending.FAILED) {
            throw new ChatStreamException(reply.errorText(), reply);
        }
        if (reply.ending() == Reply.Ending.INTERRUPTED) {
            throw new StreamInterruptedException(reply, null);
        }
        return new SendMessageResult(reply, replyId, session);
    }

    private ChatStream openAfterRefresh(SendMessageCommand command, Session session, MessageId replyId) {
        try {
            return chat.open(request(command, session, replyId));
        } catch (SessionExpiredException stillRejected) {
            throw new SessionExpiredException("t3.chat still rejects the session after a refresh: it has expired. "
                    + SessionExpiredException.ADVICE);
        }
    }

    private static Reply relay(ChatStream stream, SendMessageCommand command, ChatEventListener listener) {
        ReplyAccumulator accumulator = new ReplyAccumulator();
        try (stream) {
            command.cancellation().onCancel(stream::close);
            Iterator<ChatEvent> events = stream.events().iterator();
            while (!accumulator.hasEnded() && !command.cancellation().isCancelled() && events.hasNext()) {
                ChatEvent event = events.next();
                accumulator.accept(event);
                listener.onEvent(event);
            }
        } catch (T3ChatException | UncheckedIOException broken) {
            if (!command.cancellation().isCancelled()) {
                throw new StreamInterruptedException(accumulator.toReply(), broken);
            }
        }
        return accumulator.toReply(command.cancellation().isCancelled()
                ? Reply.Ending.CANCELLED : Reply.Ending.INTERRUPTED);
    }

    private static ChatRequest request(SendMessageCommand command, Session session, MessageId replyId) {
        return new ChatRequest(session, command.conversation().threadId(), command.conversation().messages(),
                command.model(), command.settings(), replyId);
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
}
