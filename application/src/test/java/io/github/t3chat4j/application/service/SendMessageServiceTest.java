package io.github.t3chat4j.application.service;

import static io.github.t3chat4j.application.fake.ScriptedStreamChatPort.reply;
import static io.github.t3chat4j.application.fixtures.Sessions.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.ApiKeyRequiredException;
import io.github.t3chat4j.application.error.CaptchaRequiredException;
import io.github.t3chat4j.application.error.ChatStreamException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.fake.ScriptedStreamChatPort;
import io.github.t3chat4j.application.port.in.Cancellation;
import io.github.t3chat4j.application.port.in.SendMessageCommand;
import io.github.t3chat4j.application.port.in.SendMessageResult;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.LockConversationPort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.session.SessionKeeper;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SendMessageServiceTest {

    private final ScriptedStreamChatPort chat = new ScriptedStreamChatPort();
    private final AtomicInteger renewals = new AtomicInteger();
    private final List<Conversation> saved = new ArrayList<>();
    private final SessionKeeper keeper = new SessionKeeper(aSession(),
            s -> Optional.of("renewed-" + renewals.incrementAndGet()), SaveSessionPort.NONE, warning -> { });
    private final SendMessageService service = new SendMessageService(chat, keeper, saved::add,
            id -> Optional.empty(), LockConversationPort.NONE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final Conversation empty = Conversation.start(ModelId.DEFAULT, ChatSettings.defaults(), Instant.EPOCH);

    private SendMessageCommand command(Cancellation cancellation) {
        return new SendMessageCommand(empty, "hi", ModelId.DEFAULT, ChatSettings.defaults(), cancellation);
    }

    @Test
    void relaysEventsInOrder_andAssemblesTheReply() {
        chat.thenEvents(reply("Hel", "lo"));
        List<ChatEvent> seen = new ArrayList<>();

        SendMessageResult result = service.sendMessage(command(new Cancellation()), seen::add);

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
        SendMessageService lowering = new SendMessageService(chat, keeper, saved::add, id -> Optional.empty(),
                LockConversationPort.NONE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), true, warnings::add);

        SendMessageResult result = lowering.sendMessage(highEffort(), e -> { });

        assertThat(result.reply().text()).isEqualTo("cheap");
        assertThat(chat.requests()).extracting(r -> r.settings().reasoningEffort())
                .containsExactly(ReasoningEffort.HIGH, ReasoningEffort.LOW);
        assertThat(warnings).singleElement().asString().contains("claude-4.6-opus", "high", "low effort");
    }

    @Test
    void saysWhichModelAndEffortWantTheUsersOwnKey_withoutRetrying_unlessAllowed() {
        chat.thenThrow(new ApiKeyRequiredException("claude-4.6-opus", "high")).thenEvents(reply("never"));

        assertThatThrownBy(() -> service.sendMessage(highEffort(), e -> { }))
                .isInstanceOf(ApiKeyRequiredException.class)
                .hasMessageContaining("claude-4.6-opus at high reasoning effort needs your own provider key")
                .hasMessageContaining("T3_ALLOW_LOWER_EFFORT");
        assertThat(chat.requests()).hasSize(1);
        assertThat(saved).isEmpty();
    }

    @Test
    void letsARefusalInTheStreamsFirstWordThrough_asItself_keepingNothing() {
        chat.thenEventsThenFailure(new CaptchaRequiredException(400));

        assertThatThrownBy(() -> service.sendMessage(command(new Cancellation()), e -> { }))
                .isInstanceOf(CaptchaRequiredException.class).hasMessageContaining("t3 login --from-browser");
        assertThat(saved).isEmpty();
    }

    private SendMessageCommand highEffort() {
        return new SendMessageCommand(empty, "hi", ModelId.of("claude-4.6-opus"),
                ChatSettings.defaults().withReasoningEffort(ReasoningEffort.HIGH), new Cancellation());
    }

    @Test
    void renewsBeforeFirstUse_thenOnceMoreAndRetries_whenSessionRejected() {
        chat.thenThrow(SessionExpiredException.forStatus(401)).thenEvents(reply("ok"));

        service.sendMessage(command(new Cancellation()), e -> { });

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

        assertThatThrownBy(() -> service.sendMessage(command(new Cancellation()), e -> { }))
                .isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("fresh cookie");
        assertThat(renewals).hasValue(2);
        assertThat(chat.requests()).hasSize(2);
    }

    @Test
    void throwsInterruptedWithPartial_whenStreamEndsWithoutFinish() {
        chat.thenEvents(new ChatEvent.TextDelta("half"));

        assertThatThrownBy(() -> service.sendMessage(command(new Cancellation()), e -> { }))
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

        assertThatThrownBy(() -> service.sendMessage(command(new Cancellation()), e -> { }))
                .isInstanceOfSatisfying(StreamInterruptedException.class, e -> {
                    assertThat(e.partialReply().text()).isEqualTo("partial");
                    assertThat(e.getCause()).isInstanceOf(TransportException.class);
                });
        assertThat(chat.closedStreams()).isEqualTo(1);
    }

    @Test
    void throwsChatStreamError_carryingServerTextAndPartial() {
        chat.thenEvents(new ChatEvent.TextDelta("so far"), new ChatEvent.StreamError("Model overloaded"));

        assertThatThrownBy(() -> service.sendMessage(command(new Cancellation()), e -> { }))
                .isInstanceOfSatisfying(ChatStreamException.class, e -> {
                    assertThat(e.serverMessage()).isEqualTo("Model overloaded");
                    assertThat(e.getMessage()).contains("Model overloaded");
                    assertThat(e.partialReply().text()).isEqualTo("so far");
                });
    }

    @Test
    void returnsPartialMarkedCancelled_whenCancelledMidStream() {
        Cancellation cancellation = new Cancellation();
        chat.then(r -> chat.stream(Stream.of(new ChatEvent.TextDelta("one "), new ChatEvent.TextDelta("two"),
                new ChatEvent.Finished("stop"))));

        SendMessageResult result = service.sendMessage(command(cancellation), event -> {
            if (event instanceof ChatEvent.TextDelta) {
                cancellation.cancel();
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
        Cancellation cancellation = new Cancellation();
        Thread canceller = new Thread(() -> {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancellation.cancel();
        });
        canceller.start();

        SendMessageResult result = service.sendMessage(command(cancellation), e -> { });
        canceller.join();

        assertThat(result.reply().ending()).isEqualTo(Reply.Ending.CANCELLED);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void sendsNothing_whenCancelledBeforehand() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        SendMessageResult result = service.sendMessage(command(cancellation), e -> { });

        assertThat(result.reply().ending()).isEqualTo(Reply.Ending.CANCELLED);
        assertThat(result.conversation()).isSameAs(empty);
        assertThat(chat.requests()).isEmpty();
        assertThat(saved).isEmpty();
    }

    @Test
    void leavesTheConversationAsItWas_whenTheRequestFails() {
        chat.thenThrow(new TransportException("refused", null));

        assertThatThrownBy(() -> service.sendMessage(command(new Cancellation()), e -> { }))
                .isInstanceOf(TransportException.class);

        assertThat(saved).isEmpty();
    }

    @Test
    void returnsAnErrorMessage_andSendsNothing_whenThereIsNothingToSend() {
        SendMessageResult result = service.sendMessage(
                new SendMessageCommand(empty, null, ModelId.DEFAULT, ChatSettings.defaults(), new Cancellation()),
                e -> { });

        assertThat(result.message().isError()).isTrue();
        assertThat(result.conversation()).isSameAs(empty);
        assertThat(chat.requests()).isEmpty();
    }

    @Test
    void reportsASaveFailure_inTheResult_afterKeepingTheReply() {
        SendMessageService failingSave = new SendMessageService(chat, keeper, conversation -> {
            throw new StorageException("disk full");
        }, id -> Optional.empty(), LockConversationPort.NONE, Clock.systemUTC());
        chat.thenEvents(reply("kept"));

        SendMessageResult result = failingSave.sendMessage(command(new Cancellation()), e -> { });

        assertThat(result.message().text()).isEqualTo("kept");
        assertThat(result.conversation().messages()).hasSize(2);
        assertThat(result.saveFailure()).get().extracting(Throwable::getMessage).isEqualTo("disk full");
    }

    @Test
    void continuesFromTheStoredConversation_whenAnotherWriterExtendedIt() {
        chat.thenEvents(reply("third answer"));
        Conversation mine = empty.append(Message.user("one"), Instant.EPOCH).append(Message.assistant("1"), Instant.EPOCH);
        Conversation theirs = mine.append(Message.user("two"), Instant.EPOCH).append(Message.assistant("2"), Instant.EPOCH);
        SendMessageService reading = new SendMessageService(chat, keeper, saved::add, id -> Optional.of(theirs),
                LockConversationPort.NONE, Clock.systemUTC());

        SendMessageResult result = reading.sendMessage(
                new SendMessageCommand(mine, "three", ModelId.DEFAULT, ChatSettings.defaults(), new Cancellation()),
                e -> { });

        assertThat(chat.requests().get(0).messages()).extracting(Message::text)
                .containsExactly("one", "1", "two", "2", "three");
        assertThat(result.conversation().messages()).hasSize(6);
    }

    @Test
    void keepsItsOwnHistory_whenTheStoredOneIsADifferentConversation() {
        chat.thenEvents(reply("ok"));
        Conversation mine = empty.append(Message.user("mine"), Instant.EPOCH);
        Conversation other = empty.append(Message.user("other"), Instant.EPOCH).append(Message.assistant("x"), Instant.EPOCH);
        SendMessageService reading = new SendMessageService(chat, keeper, saved::add, id -> Optional.of(other),
                LockConversationPort.NONE, Clock.systemUTC());

        reading.sendMessage(new SendMessageCommand(mine, "next", ModelId.DEFAULT, ChatSettings.defaults(),
                new Cancellation()), e -> { });

        assertThat(chat.requests().get(0).messages()).extracting(Message::text).containsExactly("mine", "next");
    }

    @Test
    void holdsTheConversationsLock_forTheWholeExchange() {
        List<String> events = new ArrayList<>();
        chat.then(request -> {
            events.add("stream");
            return chat.stream(Stream.of(reply("ok")));
        });
        SendMessageService locking = new SendMessageService(chat, keeper, conversation -> events.add("save"),
                id -> Optional.empty(), (id, giveUp) -> {
                    events.add("lock " + id.value().equals(empty.threadId().value()));
                    return () -> events.add("unlock");
                }, Clock.systemUTC());

        locking.sendMessage(command(new Cancellation()), e -> { });

        assertThat(events).containsExactly("lock true", "stream", "save", "unlock");
    }

    @Test
    void sendsNothingAndSavesNothing_whenTheConversationWasDeletedWhileItWaitedForTheLock() {
        chat.thenEvents(reply("should not be asked for"));
        Conversation resumed = empty.append(Message.user("one"), Instant.EPOCH).append(Message.assistant("1"),
                Instant.EPOCH);
        LoadConversationPort deletedMeanwhile = new LoadConversationPort() {
            @Override
            public Optional<Conversation> load(ThreadId threadId) {
                return Optional.empty();
            }

            @Override
            public boolean wasDeleted(ThreadId threadId) {
                return true;
            }
        };
        SendMessageService sending = new SendMessageService(chat, keeper, saved::add, deletedMeanwhile,
                LockConversationPort.NONE, Clock.systemUTC());

        assertThatThrownBy(() -> sending.sendMessage(new SendMessageCommand(resumed, "two", ModelId.DEFAULT,
                ChatSettings.defaults(), new Cancellation()), e -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("was deleted");
        assertThat(chat.requests()).isEmpty();
        assertThat(saved).isEmpty();
    }
}
