package io.github.t3chat4j.application.internal.service;

import static io.github.t3chat4j.application.fake.ScriptedStreamChatPort.reply;
import static io.github.t3chat4j.application.fixtures.Sessions.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.ApiKeyRequiredException;
import io.github.t3chat4j.application.error.CaptchaRequiredException;
import io.github.t3chat4j.application.error.ChatStreamException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.fake.ScriptedStreamChatPort;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.application.internal.usecase.SendMessageCommand;
import io.github.t3chat4j.application.internal.usecase.SendMessageResult;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.port.out.SessionPort;
import io.github.t3chat4j.application.internal.session.SessionKeeper;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SendMessageServiceTest {

    private final ScriptedStreamChatPort chat = new ScriptedStreamChatPort();
    private final AtomicInteger renewals = new AtomicInteger();
    private final List<Conversation> saved = new ArrayList<>();
    private final SessionKeeper keeper = new SessionKeeper(aSession(),
            renewing(s -> Optional.of("renewed-" + renewals.incrementAndGet())), SaveSessionPort.NONE, warning -> { });
    private final SendMessageService service = new SendMessageService(chat, keeper,
            Optional.of(store(saved::add, id -> Optional.empty())), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final Conversation empty = Conversation.start(ModelId.DEFAULT, ChatSettings.defaults(), Instant.EPOCH);

    private SendMessageCommand command() {
        return new SendMessageCommand(empty, "hi", ModelId.DEFAULT, ChatSettings.defaults());
    }

    /** Pulls {@code exchange} to its end, handing each event to {@code listener}, and returns its result. */
    private static SendMessageResult pull(ReplyExchange exchange, Consumer<ChatEvent> listener) {
        while (exchange.hasNext()) {
            listener.accept(exchange.next());
        }
        return exchange.finish();
    }

    private SendMessageResult send(SendMessageCommand command) {
        return pull(service.sendMessage(command), e -> { });
    }

    static SessionPort renewing(Function<io.github.t3chat4j.domain.session.Session, Optional<String>> renew) {
        return new SessionPort() {
            @Override
            public void initialize(io.github.t3chat4j.domain.session.Session session) {
            }

            @Override
            public Optional<String> renewWosSession(io.github.t3chat4j.domain.session.Session session) {
                return renew.apply(session);
            }
        };
    }

    static ConversationStorePort store(Consumer<Conversation> save,
            Function<io.github.t3chat4j.domain.thread.ThreadId, Optional<Conversation>> load) {
        return store(save, load, (id, giveUp) -> () -> { });
    }

    interface Locker {
        ConversationStorePort.ConversationLock lock(io.github.t3chat4j.domain.thread.ThreadId id, BooleanSupplier giveUp);
    }

    static ConversationStorePort store(Consumer<Conversation> save,
            Function<io.github.t3chat4j.domain.thread.ThreadId, Optional<Conversation>> load, Locker locker) {
        return new ConversationStorePort() {
            @Override
            public void save(Conversation conversation) {
                save.accept(conversation);
            }

            @Override
            public Optional<Conversation> load(io.github.t3chat4j.domain.thread.ThreadId threadId) {
                return load.apply(threadId);
            }

            @Override
            public io.github.t3chat4j.domain.thread.ConversationListing listConversations() {
                throw new AssertionError("not listed");
            }

            @Override
            public boolean deleteConversation(io.github.t3chat4j.domain.thread.ThreadId threadId) {
                throw new AssertionError("not deleted");
            }

            @Override
            public ConversationLock lockConversation(io.github.t3chat4j.domain.thread.ThreadId threadId,
                    BooleanSupplier giveUp) {
                return locker.lock(threadId, giveUp);
            }
        };
    }

    @Test
    void relaysEventsInOrder_andAssemblesTheReply() {
        chat.thenEvents(reply("Hel", "lo"));
        List<ChatEvent> seen = new ArrayList<>();

        SendMessageResult result = pull(service.sendMessage(command()), seen::add);

        assertThat(seen).containsExactly(reply("Hel", "lo"));
        assertThat(result.reply().text()).isEqualTo("Hello");
        assertThat(result.reply().isComplete()).isTrue();
        assertThat(chat.closedStreams()).isEqualTo(1);
        assertThat(chat.requests().get(0).responseMessageId()).isEqualTo(result.message().id());
        assertThat(result.conversation().messages()).extracting(Message::text).containsExactly("hi", "Hello");
        assertThat(saved).containsExactly(result.conversation());
    }

    @Test
    void asksOnceMoreAtLowEffort_whenTheModelWantsTheUsersOwnKey_andTheUserAllowsIt() {
        chat.thenThrow(new ApiKeyRequiredException("claude-4.6-opus", "high")).thenEvents(reply("cheap"));
        List<String> warnings = new ArrayList<>();
        SendMessageService lowering = new SendMessageService(chat, keeper,
                Optional.of(store(saved::add, id -> Optional.empty())), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                true, warnings::add);

        SendMessageResult result = pull(lowering.sendMessage(highEffort()), e -> { });

        assertThat(result.reply().text()).isEqualTo("cheap");
        assertThat(chat.requests()).extracting(r -> r.settings().reasoningEffort())
                .containsExactly(ReasoningEffort.HIGH, ReasoningEffort.LOW);
        assertThat(warnings).singleElement().asString().contains("claude-4.6-opus", "high", "low effort");
    }

    @Test
    void saysWhichModelAndEffortWantTheUsersOwnKey_withoutRetrying_unlessAllowed() {
        chat.thenThrow(new ApiKeyRequiredException("claude-4.6-opus", "high")).thenEvents(reply("never"));

        assertThatThrownBy(() -> send(highEffort()))
                .isInstanceOf(ApiKeyRequiredException.class)
                .hasMessageContaining("claude-4.6-opus at high reasoning effort needs your own provider key")
                .hasMessageContaining("lowerEffortWhenKeyRequired")
                .satisfies(e -> assertThat(((ApiKeyRequiredException) e).remedy()).contains(Remedy.OWN_KEY));
        assertThat(chat.requests()).hasSize(1);
        assertThat(saved).isEmpty();
    }

    @Test
    void letsARefusalInTheStreamsFirstWordThrough_asItself_keepingNothing() {
        chat.thenEventsThenFailure(new CaptchaRequiredException(400));

        assertThatThrownBy(() -> send(command()))
                .isInstanceOf(CaptchaRequiredException.class).hasMessageContaining("send one message there")
                .satisfies(e -> assertThat(((CaptchaRequiredException) e).remedy()).contains(Remedy.CONFIRM_SESSION));
        assertThat(saved).isEmpty();
    }

    private SendMessageCommand highEffort() {
        return new SendMessageCommand(empty, "hi", ModelId.of("claude-4.6-opus"),
                ChatSettings.defaults().withReasoningEffort(ReasoningEffort.HIGH));
    }

    @Test
    void renewsBeforeFirstUse_thenOnceMoreAndRetries_whenSessionRejected() {
        chat.thenThrow(SessionExpiredException.forStatus(401)).thenEvents(reply("ok"));

        send(command());

        assertThat(renewals).hasValue(2);
        assertThat(chat.requests()).hasSize(2);
        assertThat(chat.requests().get(0).session().cookies().get("wos-session")).contains("renewed-1");
        assertThat(chat.requests().get(1).session().cookies().get("wos-session")).contains("renewed-2");
        assertThat(keeper.current().cookies().get("wos-session")).contains("renewed-2");
        assertThat(keeper.current().cookies().get("theme")).contains("dark");
    }

    @Test
    void throwsSessionExpired_whenStillRejectedAfterRefresh() {
        chat.thenThrow(SessionExpiredException.forStatus(401)).thenThrow(SessionExpiredException.forStatus(401));

        assertThatThrownBy(() -> send(command()))
                .isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("fresh cookie");
        assertThat(renewals).hasValue(2);
        assertThat(chat.requests()).hasSize(2);
    }

    @Test
    void throwsInterruptedWithPartial_whenStreamEndsWithoutFinish() {
        chat.thenEvents(new ChatEvent.TextDelta("half"));

        assertThatThrownBy(() -> send(command()))
                .isInstanceOfSatisfying(StreamInterruptedException.class,
                        e -> {
                            assertThat(e.partialReply().text()).isEqualTo("half");
                            assertThat(e.conversation().orElseThrow().messages()).extracting(Message::text)
                                    .containsExactly("hi", "half");
                        });
        assertThat(saved).hasSize(1);
    }

    @Test
    void throwsInterruptedWithPartial_whenConnectionBreaks() {
        chat.thenEventsThenFailure(new TransportException("reset", null), new ChatEvent.TextDelta("par"),
                new ChatEvent.TextDelta("tial"));

        assertThatThrownBy(() -> send(command()))
                .isInstanceOfSatisfying(StreamInterruptedException.class, e -> {
                    assertThat(e.partialReply().text()).isEqualTo("partial");
                    assertThat(e.getCause()).isInstanceOf(TransportException.class);
                });
        assertThat(chat.closedStreams()).isEqualTo(1);
    }

    @Test
    void throwsChatStreamError_carryingServerTextAndPartial() {
        chat.thenEvents(new ChatEvent.TextDelta("so far"), new ChatEvent.StreamError("Model overloaded"));

        assertThatThrownBy(() -> send(command()))
                .isInstanceOfSatisfying(ChatStreamException.class, e -> {
                    assertThat(e.serverMessage()).isEqualTo("Model overloaded");
                    assertThat(e.getMessage()).contains("Model overloaded");
                    assertThat(e.partialReply().text()).isEqualTo("so far");
                });
    }

    @Test
    void returnsPartialMarkedCancelled_whenCancelledMidStream() {
        chat.then(r -> chat.stream(Stream.of(new ChatEvent.TextDelta("one "), new ChatEvent.TextDelta("two"),
                new ChatEvent.Finished("stop"))));
        ReplyExchange exchange = service.sendMessage(command());

        SendMessageResult result = pull(exchange, event -> {
            if (event instanceof ChatEvent.TextDelta) {
                exchange.cancel();
            }
        });

        assertThat(result.reply().text()).isEqualTo("one ");
        assertThat(result.reply().ending()).isEqualTo(Reply.Ending.CANCELLED);
        assertThat(chat.closedStreams()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void returnsCancelled_whenCancelledWhileTheRequestWaitsToBeRetried() throws Exception {
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        chat.then(request -> {
            waiting.countDown();
            try {
                Thread.sleep(60_000); // stands for a Retry-After wait in the transport
            } catch (InterruptedException e) {
                throw new TransportException("Interrupted while waiting to retry", e);
            }
            throw new AssertionError("not cancelled");
        });
        ReplyExchange exchange = service.sendMessage(command());
        Thread canceller = new Thread(() -> {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.cancel();
        });
        canceller.start();

        SendMessageResult result = pull(exchange, e -> { });
        canceller.join();

        assertThat(result.reply().ending()).isEqualTo(Reply.Ending.CANCELLED);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void sendsNothing_whenCancelledBeforehand() {
        ReplyExchange exchange = service.sendMessage(command());
        exchange.cancel();

        SendMessageResult result = pull(exchange, e -> { });

        assertThat(result.reply().ending()).isEqualTo(Reply.Ending.CANCELLED);
        assertThat(result.conversation()).isSameAs(empty);
        assertThat(chat.requests()).isEmpty();
        assertThat(saved).isEmpty();
    }

    @Test
    void leavesTheConversationAsItWas_whenTheRequestFails() {
        chat.thenThrow(new TransportException("refused", null));

        assertThatThrownBy(() -> send(command()))
                .isInstanceOf(TransportException.class);

        assertThat(saved).isEmpty();
    }

    @Test
    void refusesAndSendsNothing_whenThereIsNothingToSend() {
        assertThatThrownBy(() -> send(new SendMessageCommand(empty, null, ModelId.DEFAULT, ChatSettings.defaults())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Nothing to send");

        assertThat(chat.requests()).isEmpty();
        assertThat(saved).isEmpty();
    }

    @Test
    void refusesAndSendsNothing_whenTheMessageIsBlank() {
        assertThatThrownBy(() -> send(new SendMessageCommand(empty, " ", ModelId.DEFAULT, ChatSettings.defaults())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");

        assertThat(chat.requests()).isEmpty();
    }

    @Test
    void startsNothing_untilFirstPulled_andSendsNothing_whenFinishedUnpulled() {
        ReplyExchange exchange = service.sendMessage(command());

        assertThat(chat.requests()).isEmpty();
        SendMessageResult result = exchange.finish();

        assertThat(result.reply().ending()).isEqualTo(Reply.Ending.CANCELLED);
        assertThat(result.conversation()).isSameAs(empty);
        assertThat(chat.requests()).isEmpty();
    }

    @Test
    void carriesTheSendsDeadlineAndRetries_toTheTransport() {
        chat.thenEvents(reply("ok"));

        send(new SendMessageCommand(empty, "hi", ModelId.DEFAULT, ChatSettings.defaults(),
                Optional.of(java.time.Duration.ofSeconds(7)), java.util.OptionalInt.of(0)));

        assertThat(chat.requests().get(0).timeout()).contains(java.time.Duration.ofSeconds(7));
        assertThat(chat.requests().get(0).maxRetries()).hasValue(0);
    }

    @Test
    void reportsASaveFailure_inTheResult_afterKeepingTheReply() {
        SendMessageService failingSave = new SendMessageService(chat, keeper, Optional.of(store(conversation -> {
            throw new StorageException("disk full");
        }, id -> Optional.empty())), Clock.systemUTC());
        chat.thenEvents(reply("kept"));

        SendMessageResult result = pull(failingSave.sendMessage(command()), e -> { });

        assertThat(result.message().text()).isEqualTo("kept");
        assertThat(result.conversation().messages()).hasSize(2);
        assertThat(result.saveFailure()).get().extracting(Throwable::getMessage).isEqualTo("disk full");
    }

    @Test
    void continuesFromTheStoredConversation_whenAnotherWriterExtendedIt() {
        chat.thenEvents(reply("third answer"));
        Conversation mine = empty.append(Message.user("one"), Instant.EPOCH).append(Message.assistant("1"), Instant.EPOCH);
        Conversation theirs = mine.append(Message.user("two"), Instant.EPOCH).append(Message.assistant("2"), Instant.EPOCH);
        SendMessageService reading = new SendMessageService(chat, keeper,
                Optional.of(store(saved::add, id -> Optional.of(theirs))), Clock.systemUTC());

        SendMessageResult result = pull(reading.sendMessage(
                new SendMessageCommand(mine, "three", ModelId.DEFAULT, ChatSettings.defaults())), e -> { });

        assertThat(chat.requests().get(0).messages()).extracting(Message::text)
                .containsExactly("one", "1", "two", "2", "three");
        assertThat(result.conversation().messages()).hasSize(6);
    }

    @Test
    void keepsItsOwnHistory_whenTheStoredOneIsADifferentConversation() {
        chat.thenEvents(reply("ok"));
        Conversation mine = empty.append(Message.user("mine"), Instant.EPOCH);
        Conversation other = empty.append(Message.user("other"), Instant.EPOCH).append(Message.assistant("x"), Instant.EPOCH);
        SendMessageService reading = new SendMessageService(chat, keeper,
                Optional.of(store(saved::add, id -> Optional.of(other))), Clock.systemUTC());

        pull(reading.sendMessage(new SendMessageCommand(mine, "next", ModelId.DEFAULT, ChatSettings.defaults())),
                e -> { });

        assertThat(chat.requests().get(0).messages()).extracting(Message::text).containsExactly("mine", "next");
    }

    @Test
    void holdsTheConversationsLock_forTheWholeExchange() {
        List<String> events = new ArrayList<>();
        chat.then(request -> {
            events.add("stream");
            return chat.stream(Stream.of(reply("ok")));
        });
        SendMessageService locking = new SendMessageService(chat, keeper, Optional.of(store(
                conversation -> events.add("save"), id -> Optional.empty(), (id, giveUp) -> {
                    events.add("lock " + id.value().equals(empty.threadId().value()));
                    return () -> events.add("unlock");
                })), Clock.systemUTC());

        pull(locking.sendMessage(command()), e -> { });

        assertThat(events).containsExactly("lock true", "stream", "save", "unlock");
    }

    @Test
    void sendsNothingAndSavesNothing_whenTheConversationWasDeletedWhileItWaitedForTheLock() {
        chat.thenEvents(reply("should not be asked for"));
        Conversation resumed = empty.append(Message.user("one"), Instant.EPOCH).append(Message.assistant("1"),
                Instant.EPOCH);
        ConversationStorePort deletedMeanwhile = new io.github.t3chat4j.application.fake.InMemoryConversationPorts() {
            @Override
            public boolean wasDeleted(io.github.t3chat4j.domain.thread.ThreadId threadId) {
                return true;
            }
        };
        SendMessageService sending = new SendMessageService(chat, keeper, Optional.of(deletedMeanwhile),
                Clock.systemUTC());

        assertThatThrownBy(() -> pull(sending.sendMessage(new SendMessageCommand(resumed, "two", ModelId.DEFAULT,
                ChatSettings.defaults())), e -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("was deleted");
        assertThat(chat.requests()).isEmpty();
        assertThat(deletedMeanwhile.listConversations().conversations()).isEmpty();
    }
}
