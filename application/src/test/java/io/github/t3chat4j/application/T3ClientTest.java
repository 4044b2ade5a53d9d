package io.github.t3chat4j.application;

import static io.github.t3chat4j.application.fake.ScriptedStreamChatPort.reply;
import static io.github.t3chat4j.application.fixtures.Sessions.CONVEX;
import static io.github.t3chat4j.application.fixtures.Sessions.WOS;
import static io.github.t3chat4j.application.fixtures.Sessions.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.ClientClosedException;
import io.github.t3chat4j.application.error.ConversationBusyException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.fake.InMemoryConversationPorts;
import io.github.t3chat4j.application.fake.ScriptedStreamChatPort;
import io.github.t3chat4j.application.fake.TestAdapters;
import io.github.t3chat4j.application.port.out.FetchedImage;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.ContentType;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageStatus;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class T3ClientTest {

    private final ScriptedStreamChatPort chat = new ScriptedStreamChatPort();
    private final AtomicInteger renewals = new AtomicInteger();
    private final InMemoryConversationPorts store = new InMemoryConversationPorts();

    private T3Client client() {
        return T3Client.builder()
                .session(aSession())
                .chatTransport(chat)
                .adapters(new TestAdapters().renewing(s -> Optional.of("rotated-" + renewals.incrementAndGet()))
                        .conversations(store))
                .build();
    }

    @Test
    void sendsWholeHistory_andReusesThreadId() {
        chat.thenEvents(reply("first")).thenEvents(reply("second"));
        T3Client client = client();
        assertThat(client.threadId()).isEmpty();

        client.send("one");
        Message second = client.send("two");

        assertThat(second.text()).isEqualTo("second");
        assertThat(chat.requests().get(1).messages()).extracting(Message::text)
                .containsExactly("one", "first", "two");
        assertThat(chat.requests().get(0).threadId()).isEqualTo(chat.requests().get(1).threadId());
        assertThat(client.threadId()).contains(chat.requests().get(0).threadId());
        assertThat(client.messages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
        assertThat(store.saves()).hasSize(2);
    }

    @Test
    void refreshesBeforeFirstSendOnly() {
        chat.thenEvents(reply("a")).thenEvents(reply("b"));
        T3Client client = client();

        client.send("one");
        client.send("two");

        assertThat(renewals).hasValue(1);
        assertThat(chat.requests().get(0).session().cookies().get("wos-session")).contains("rotated-1");
    }

    @Test
    void startsFreshThread_onNewConversation() {
        chat.thenEvents(reply("a")).thenEvents(reply("b"));
        T3Client client = client();
        client.send("one");

        client.newConversation();
        client.send("two");

        assertThat(chat.requests().get(1).threadId()).isNotEqualTo(chat.requests().get(0).threadId());
        assertThat(chat.requests().get(1).messages()).extracting(Message::text).containsExactly("two");
    }

    @Test
    void refusesBadInput_asInvalidInput_andSendsNothing() {
        T3Client client = client();

        assertThatThrownBy(() -> client.send((String) null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("text");
        assertThatThrownBy(() -> client.send("  ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> client.chat().reply(ChatOptions.defaults()).message())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Nothing to send");
        assertThatThrownBy(() -> client.chat((ChatOptions) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ChatOptions.defaults().withTimeout(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timeout");
        assertThat(chat.requests()).isEmpty();
    }

    @Test
    void repliesToQueuedMessages_whenAskedForTheReplyAlone() {
        chat.thenEvents(reply("ok"));
        Chat conversation = client().chat();
        conversation.append(Message.user("queued one"));
        conversation.append(Message.user("queued two"));

        conversation.reply(ChatOptions.defaults()).message();

        assertThat(chat.requests().get(0).messages()).extracting(Message::text)
                .containsExactly("queued one", "queued two");
        assertThat(conversation.messages()).extracting(Message::text).containsExactly("queued one", "queued two", "ok");
    }

    @Test
    void keepsPartialReplyMarkedIncomplete_andUserMessageOnce_whenStreamBreaks() {
        chat.thenEventsThenFailure(new TransportException("reset", null), new ChatEvent.TextDelta("partial"));
        T3Client client = client();

        assertThatThrownBy(() -> client.send("question")).isInstanceOf(StreamInterruptedException.class);

        assertThat(client.messages()).extracting(Message::text).containsExactly("question", "partial");
        assertThat(client.messages().get(1).status()).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(store.saves()).hasSize(1);
    }

    @Test
    void continuesAConversationGivenAsAValue() {
        chat.thenEvents(reply("ok"));
        T3Client client = client();
        ThreadId thread = ThreadId.of("11111111-2222-3333-4444-555555555555");
        Conversation earlier = Conversation.builder(thread).title("").model(ModelId.DEFAULT).settings(ChatSettings.defaults()).messages(List.of(Message.user("earlier"), Message.assistant("answer"))).createdAt(Instant.EPOCH).updatedAt(Instant.EPOCH).build();

        client.resumeConversation(earlier);
        client.send("again");

        assertThat(chat.requests().get(0).threadId()).isEqualTo(thread);
        assertThat(chat.requests().get(0).messages()).hasSize(3);
    }

    @Test
    void resumesAStoredConversation_byItsThreadId() {
        chat.thenEvents(reply("ok"));
        ThreadId thread = ThreadId.of("stored-thread");
        store.with(Conversation.builder(thread).title("stored").model(ModelId.of("claude-4-sonnet")).settings(ChatSettings.defaults()).messages(List.of(Message.user("before"), Message.assistant("then"))).createdAt(Instant.EPOCH).updatedAt(Instant.EPOCH).build());

        Chat resumed = client().resume(thread);
        resumed.send("now");

        assertThat(resumed.threadId()).contains(thread);
        assertThat(chat.requests().get(0).model()).isEqualTo(ModelId.of("claude-4-sonnet"));
        assertThat(chat.requests().get(0).messages()).extracting(Message::text).containsExactly("before", "then", "now");
        assertThatThrownBy(() -> client().resume(ThreadId.of("unknown"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void clearsMessages_butKeepsThread() {
        chat.thenEvents(reply("a")).thenEvents(reply("b"));
        T3Client client = client();
        client.send("one");

        client.clearMessages();
        client.send("two");

        assertThat(chat.requests().get(1).messages()).hasSize(1);
        assertThat(chat.requests().get(1).threadId()).isEqualTo(chat.requests().get(0).threadId());
    }

    @Test
    void downloadsImage_toThePathGiven_whenReplyHasImage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        List<URI> fetched = new ArrayList<>();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        chat.thenEvents(new ChatEvent.ImageGenerated("https://img.example/a.png"), new ChatEvent.Finished("stop"));
        T3Client client = T3Client.builder().session(aSession()).chatTransport(chat)
                .adapters(new TestAdapters().imageFetcher(url -> {
                    fetched.add(url);
                    return new FetchedImage(new ByteArrayInputStream(png), "image/png", png.length);
                }).imageStore((in, target) -> {
                    try {
                        in.transferTo(stored);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return target.path().orElseThrow();
                }))
                .build();

        Message message = client.sendWithImageDownload("a cat", Path.of("cat.png"));

        assertThat(message.contentType()).isEqualTo(ContentType.IMAGE);
        assertThat(fetched).containsExactly(URI.create("https://img.example/a.png"));
        assertThat(stored.toByteArray()).isEqualTo(png);
        assertThat(message.image().orElseThrow().localPath()).contains("cat.png");
        assertThat(client.messages().get(1)).isEqualTo(message);
        assertThat(client.downloadImage("https://img.example/a.png", Path.of("again.png")))
                .isEqualTo(Path.of("again.png"));
    }

    @Test
    void readsAnImagesBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        T3Client client = T3Client.builder().chatTransport(chat).adapters(new TestAdapters()
                .imageFetcher(url -> new FetchedImage(new ByteArrayInputStream(png), "image/png", png.length))).build();

        assertThat(client.imageBytes(ImageContent.fromUrl("https://img.example/a.png"))).isEqualTo(png);
        assertThat(client.imageBytes(ImageContent.fromUrl("data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png)))).isEqualTo(png);
    }

    @Test
    void refusesToBuild_withoutCredentialsForAdaptersThatSendThem_orWithoutTransport_andNeverLeaksSecrets() {
        DrivenAdapters sending = new DrivenAdapters() {
            @Override
            public Optional<ChatTransport> chatTransport() {
                return Optional.of(chat);
            }

            @Override
            public boolean sendsCredentials() {
                return true;
            }
        };
        assertThatThrownBy(() -> T3Client.builder().adapters(sending).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cookie");
        assertThatThrownBy(() -> T3Client.builder().cookies("wos-session=" + WOS).convexSessionId(CONVEX).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("transport")
                .hasMessageNotContaining(WOS).hasMessageNotContaining(CONVEX);
        assertThatThrownBy(() -> T3Client.builder().cookies("   ").chatTransport(chat).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThat(client().toString()).doesNotContain(WOS).doesNotContain(CONVEX);
    }

    @Test
    void keepsTheRenewedSession_whenTheRetriedSendFails() {
        chat.thenThrow(io.github.t3chat4j.application.error.SessionExpiredException.forStatus(401))
                .thenEventsThenFailure(new TransportException("reset", null), new ChatEvent.TextDelta("half"))
                .thenEvents(reply("ok"));
        T3Client client = client();

        assertThatThrownBy(() -> client.send("one")).isInstanceOf(StreamInterruptedException.class);
        client.send("two");

        assertThat(renewals).hasValue(2);
        assertThat(chat.requests().get(2).session().cookies().get("wos-session")).contains("rotated-2");
        assertThat(client.session().cookies().get("wos-session")).contains("rotated-2");
    }

    @Test
    void leavesTheHistoryAsItWas_whenNothingWasReceived() {
        chat.thenThrow(new TransportException("connection refused", null)).thenEvents(reply("ok"));
        T3Client client = client();

        assertThatThrownBy(() -> client.send("question")).isInstanceOf(TransportException.class);
        assertThat(client.messages()).isEmpty();
        client.send("question");

        assertThat(chat.requests().get(1).messages()).extracting(Message::text).containsExactly("question");
    }

    @Test
    void sendsNothing_andKeepsNothing_whenClosedBeforeTheFirstPull() {
        chat.thenEvents(reply("never shown"));
        T3Client client = client();

        ReplyStream stream = client.stream("question");
        stream.close();

        assertThat(stream.message().isComplete()).isFalse();
        assertThat(stream.message().text()).isEmpty();
        assertThat(stream.iterator().hasNext()).isFalse();
        assertThat(client.messages()).isEmpty();
        assertThat(store.saves()).isEmpty();
        assertThat(chat.requests()).isEmpty();
    }

    @Test
    void reportsDownloadProgress_upToTheWholeImage() {
        byte[] image = new byte[10_000];
        image[0] = (byte) 0x89;
        List<long[]> reports = new ArrayList<>();
        T3Client client = T3Client.builder().session(aSession()).chatTransport(chat).adapters(new TestAdapters()
                .imageFetcher(url -> new FetchedImage(new ByteArrayInputStream(image), "image/png", image.length))
                .imageStore((in, target) -> {
                    try {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Path.of("x.png");
                }))
                .build();

        client.saveImage(ImageContent.fromUrl("https://img.example/x.png"), ImageTarget.generated("x"),
                (soFar, total) -> reports.add(new long[] {soFar, total}));

        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1)).containsExactly(10_000L, 10_000L);
    }

    @Test
    void sendsWithTheBuildersModelAndSettings_whenGivenTextAlone() {
        chat.thenEvents(reply("ok"));
        T3Client client = T3Client.builder().session(aSession()).chatTransport(chat).model("claude-4-sonnet")
                .settings(ChatSettings.defaults().withSearch(true)).build();

        client.send("hello");

        assertThat(chat.requests().get(0).model()).isEqualTo(ModelId.of("claude-4-sonnet"));
        assertThat(chat.requests().get(0).settings().search()).isTrue();
    }

    @Test
    void takesPerRequestOptions_withoutChangingTheClientOrTheConversation() {
        chat.thenEvents(reply("a")).thenEvents(reply("b"));
        T3Client client = client();
        Chat conversation = client.chat();

        conversation.send("careful", ChatOptions.defaults().withModel("claude-4-sonnet")
                .withReasoningEffort(ReasoningEffort.HIGH).withTimeout(Duration.ofSeconds(30)).withRetries(0));
        conversation.send("plain");

        assertThat(chat.requests().get(0).model()).isEqualTo(ModelId.of("claude-4-sonnet"));
        assertThat(chat.requests().get(0).settings().reasoningEffort()).isEqualTo(ReasoningEffort.HIGH);
        assertThat(chat.requests().get(0).timeout()).contains(Duration.ofSeconds(30));
        assertThat(chat.requests().get(0).maxRetries()).hasValue(0);
        assertThat(chat.requests().get(1).model()).isEqualTo(ModelId.DEFAULT);
        assertThat(chat.requests().get(1).timeout()).isEmpty();
        assertThat(chat.requests().get(1).maxRetries()).isEmpty();
        assertThat(client.options()).isEqualTo(ChatOptions.defaults());
        assertThat(conversation.options()).isEqualTo(ChatOptions.defaults());
    }

    @Test
    void buildsWithoutCredentials_forATransportThatNeverSendsThem() {
        T3Client client = T3Client.builder()
                .chatTransport(request -> ChatStream.of(new ChatEvent.TextDelta("scripted"), new ChatEvent.Finished("stop")))
                .build();

        assertThat(client.send("hi").text()).isEqualTo("scripted");
        assertThat(client.session().isAnonymous()).isTrue();
    }

    @Test
    void refusesABadModelId_asInvalidInput() {
        assertThatThrownBy(() -> T3Client.builder().model("   ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void pullsTheReplyEventByEvent_thenGivesTheMessage() {
        chat.thenEvents(reply("one ", "two"));
        T3Client client = client();

        List<String> texts = new ArrayList<>();
        Message message;
        try (ReplyStream stream = client.stream("question")) {
            for (ChatEvent event : stream) {
                if (event instanceof ChatEvent.TextDelta delta) {
                    texts.add(delta.text());
                }
            }
            message = stream.message();
        }

        assertThat(texts).containsExactly("one ", "two");
        assertThat(message.text()).isEqualTo("one two");
        assertThat(client.messages()).extracting(Message::text).containsExactly("question", "one two");
    }

    @Test
    void saysWhetherTheNextEventIsAtHand_soAReaderKnowsWhenToFlush() {
        T3Client client = T3Client.builder()
                .chatTransport(request -> ChatStream.of(new ChatEvent.TextDelta("a"), new ChatEvent.Finished("stop")))
                .build();
        ScriptedStreamChatPort waiting = new ScriptedStreamChatPort().thenEventsThenWait(new ChatEvent.TextDelta("a"));
        T3Client slow = T3Client.builder().chatTransport(waiting).build();

        try (ReplyStream all = client.stream("hi"); ReplyStream some = slow.stream("hi")) {
            assertThat(all.ready()).as("before the first pull: the request is still to be sent").isFalse();
            all.iterator().next();
            assertThat(all.ready()).as("every event is at hand").isTrue();
            some.iterator().next();
            assertThat(some.ready()).as("the next event has not arrived").isFalse();
        }
    }

    @Test
    void closingAPulledReplyFromAnotherThread_cancelsItAtTheTransport_andKeepsWhatArrived() throws Exception {
        chat.thenEventsThenWait(new ChatEvent.TextDelta("first"));
        T3Client client = client();
        ReplyStream stream = client.stream("question");
        assertThat(stream.iterator().next()).isEqualTo(new ChatEvent.TextDelta("first"));

        CompletableFuture<Boolean> more = CompletableFuture.supplyAsync(() -> stream.iterator().hasNext());
        Thread closer = new Thread(stream::close);
        closer.start();
        closer.join(10_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(more.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(chat.closedStreams()).isEqualTo(1);
        assertThat(stream.reply().ending()).isEqualTo(Reply.Ending.CANCELLED);
        assertThat(client.messages()).extracting(Message::text).containsExactly("question", "first");
    }

    @Test
    void sendsAsynchronously_andCancellingTheFutureCancelsTheReplyAtTheTransport() throws Exception {
        chat.thenEvents(reply("async"));
        T3Client client = client();

        assertThat(client.sendAsync("question", ChatEventListener.NONE).get(10, TimeUnit.SECONDS).text())
                .isEqualTo("async");

        CountDownLatch firstEvent = new CountDownLatch(1);
        chat.thenEventsThenWait(new ChatEvent.TextDelta("x"));
        CompletableFuture<Message> pending = client.sendAsync("second", event -> firstEvent.countDown());
        assertThat(firstEvent.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(pending.cancel(true)).isTrue();

        // Cancelling does not wait for the send to end; the next send of the conversation does.
        chat.thenEvents(reply("third"));
        assertThat(client.send("third").text()).isEqualTo("third");
        assertThat(chat.closedStreams()).as("the transport's stream was closed").isEqualTo(3);
        assertThat(client.messages()).extracting(Message::text)
                .startsWith("question", "async", "second", "x");
        assertThat(client.messages()).extracting(Message::text).endsWith("third", "third");
        assertThat(client.messages().get(3).isComplete()).as("the cancelled reply").isFalse();
    }

    @Test
    void takesConcurrentSendsOneAtATime_eachSeeingThePreviousExchange() throws Exception {
        chat.thenEvents(reply("one")).thenEvents(reply("two"));
        T3Client client = client();

        Thread first = new Thread(() -> client.send("a"));
        Thread second = new Thread(() -> client.send("b"));
        first.start();
        second.start();
        first.join(10_000);
        second.join(10_000);

        assertThat(client.messages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
        assertThat(chat.requests().get(1).messages()).hasSize(3);
    }

    @Test
    void servesManyConversationsAtOnce_eachSeeingOnlyItsOwnHistory() throws Exception {
        T3Client client = T3Client.builder().chatTransport(request -> ChatStream.of(
                new ChatEvent.TextDelta("echo " + request.messages().get(request.messages().size() - 1).text()),
                new ChatEvent.Finished("stop"))).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Chat>> chats = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                chats.add(pool.submit(() -> {
                    Chat mine = client.chat();
                    for (int turn = 0; turn < 3; turn++) {
                        mine.send("c" + n + "-t" + turn);
                    }
                    return mine;
                }));
            }
            for (int i = 0; i < chats.size(); i++) {
                int n = i;
                List<String> expected = IntStream.range(0, 3).boxed()
                        .flatMap(turn -> java.util.stream.Stream.of("c" + n + "-t" + turn, "echo c" + n + "-t" + turn))
                        .toList();
                assertThat(chats.get(i).get(30, TimeUnit.SECONDS).messages()).extracting(Message::text)
                        .containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sendsStatelessly_returningTheNextConversation_andKeepingNothing() {
        chat.thenEvents(reply("first")).thenEvents(reply("second"));
        T3Client client = client();
        Conversation start = Conversation.start(ModelId.DEFAULT, ChatSettings.defaults(), Instant.EPOCH);

        Conversation next;
        try (ReplyStream reply = client.stream(start, "one", ChatOptions.defaults())) {
            next = reply.conversation();
        }
        try (ReplyStream reply = client.stream(next, "two", ChatOptions.defaults())) {
            reply.message();
        }

        assertThat(next.messages()).extracting(Message::text).containsExactly("one", "first");
        assertThat(chat.requests().get(1).messages()).extracting(Message::text).containsExactly("one", "first", "two");
        assertThat(client.messages()).isEmpty();
    }

    @Test
    void refusesASendFromInsideItsOwnListener_soNoExchangeIsLost() {
        chat.thenEvents(reply("outer"));
        T3Client client = client();
        Chat conversation = client.chat();
        List<T3ChatException> refused = new ArrayList<>();

        conversation.send("first", event -> {
            if (event instanceof ChatEvent.TextDelta && refused.isEmpty()) {
                try {
                    conversation.send("inner");
                } catch (ConversationBusyException e) {
                    refused.add(e);
                }
            }
        });

        assertThat(refused).singleElement().extracting(Throwable::getMessage).asString()
                .contains("still streaming on this thread");
        assertThat(conversation.messages()).extracting(Message::text).containsExactly("first", "outer");
        assertThat(chat.requests()).hasSize(1);
    }

    @Test
    void anUnreadReplyStream_holdsUpNeitherOtherConversationsNorTheClient() {
        chat.thenEventsThenWait(new ChatEvent.TextDelta("part")).thenEvents(reply("other"));
        T3Client client = client();
        Chat slow = client.chat();
        ReplyStream unread = slow.stream("slow one");
        unread.iterator().next();

        Message other = client.chat().send("meanwhile");

        assertThat(other.text()).isEqualTo("other");
        assertThatThrownBy(() -> slow.send("next")).isInstanceOf(ConversationBusyException.class)
                .hasMessageContaining("ReplyStream");
        unread.close();
        assertThat(slow.messages()).extracting(Message::text).containsExactly("slow one", "part");
    }

    @Test
    void refusesEveryCall_onceClosed_withClientClosedException() {
        T3Client client = client();
        Chat conversation = client.chat();
        ReplyStream notStarted = client.stream("later");

        client.close();
        client.close();

        assertThatThrownBy(() -> client.send("hi")).isInstanceOf(ClientClosedException.class);
        assertThatThrownBy(() -> conversation.send("hi")).isInstanceOf(ClientClosedException.class);
        assertThatThrownBy(notStarted::message).isInstanceOf(ClientClosedException.class);
        assertThatThrownBy(() -> client.account().credits()).isInstanceOf(ClientClosedException.class);
        assertThat(chat.requests()).isEmpty();
    }

    @Test
    void closesWhatItOpened_andNeverBreaksAnotherClientOfTheSameAdapters() {
        chat.thenEvents(reply("still works"));
        TestAdapters shared = new TestAdapters().opening();
        T3Client first = T3Client.builder().chatTransport(chat).adapters(shared).build();
        T3Client second = T3Client.builder().chatTransport(chat).adapters(shared).build();

        first.close();

        assertThat(shared.opened()).isEqualTo(2);
        assertThat(shared.closed()).isEqualTo(1);
        assertThat(second.send("hi").text()).isEqualTo("still works");
        second.close();
        assertThat(shared.closed()).isEqualTo(2);
    }
}
