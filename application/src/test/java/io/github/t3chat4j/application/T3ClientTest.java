package io.github.t3chat4j.application;

import static io.github.t3chat4j.application.fake.ScriptedStreamChatPort.reply;
import static io.github.t3chat4j.application.fixtures.Sessions.CONVEX;
import static io.github.t3chat4j.application.fixtures.Sessions.WOS;
import static io.github.t3chat4j.application.fixtures.Sessions.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.fake.ScriptedStreamChatPort;
import io.github.t3chat4j.application.port.in.ChatEventListener;
import io.github.t3chat4j.application.port.out.ChatStream;
import io.github.t3chat4j.application.port.out.FetchedImage;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ContentType;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageStatus;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class T3ClientTest {

    private final ScriptedStreamChatPort chat = new ScriptedStreamChatPort();
    private final AtomicInteger renewals = new AtomicInteger();
    private final List<Conversation> saved = new ArrayList<>();

    private T3Client client() {
        return T3Client.builder()
                .session(aSession())
                .chatTransport(chat)
                .sessionRenewal(s -> Optional.of("rotated-" + renewals.incrementAndGet()))
                .conversationStore(saved::add, id -> Optional.empty())
                .build();
    }

    @Test
    void sendsWholeHistory_andReusesThreadId() {
        chat.thenEvents(reply("first")).thenEvents(reply("second"));
        T3Client client = client();
        assertThat(client.threadId()).isEmpty();

        client.send(ModelId.of("gemini-2.5-flash-lite"), "one", ChatSettings.defaults());
        Message second = client.send(ModelId.of("gemini-2.5-flash-lite"), "two", ChatSettings.defaults());

        assertThat(second.text()).isEqualTo("second");
        assertThat(chat.requests().get(1).messages()).extracting(Message::text)
                .containsExactly("one", "first", "two");
        assertThat(chat.requests().get(0).threadId()).isEqualTo(chat.requests().get(1).threadId());
        assertThat(client.threadId()).contains(chat.requests().get(0).threadId());
        assertThat(client.messages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
        assertThat(saved).hasSize(2);
    }

    @Test
    void refreshesBeforeFirstSendOnly() {
        chat.thenEvents(reply("a")).thenEvents(reply("b"));
        T3Client client = client();

        client.send(ModelId.of("m"), "one", ChatSettings.defaults());
        client.send(ModelId.of("m"), "two", ChatSettings.defaults());

        assertThat(renewals).hasValue(1);
        assertThat(chat.requests().get(0).session().cookies().get("wos-session")).contains("rotated-1");
    }

    @Test
    void startsFreshThread_onNewConversation() {
        chat.thenEvents(reply("a")).thenEvents(reply("b"));
        T3Client client = client();
        client.send(ModelId.of("m"), "one", ChatSettings.defaults());

        client.newConversation();
        client.send(ModelId.of("m"), "two", ChatSettings.defaults());

        assertThat(chat.requests().get(1).threadId()).isNotEqualTo(chat.requests().get(0).threadId());
        assertThat(chat.requests().get(1).messages()).extracting(Message::text).containsExactly("two");
    }

    @Test
    void returnsErrorMessage_whenNothingQueued() {
        T3Client client = client();

        Message result = client.send(ModelId.of("m"), null, ChatSettings.defaults());

        assertThat(result.isError()).isTrue();
        assertThat(result.role()).isEqualTo(Role.ASSISTANT);
        assertThat(chat.requests()).isEmpty();
    }

    @Test
    void sendsQueuedMessages_whenMessageIsNull() {
        chat.thenEvents(reply("ok"));
        T3Client client = client();
        client.appendMessage(Message.user("queued one"));
        client.appendMessage(Message.user("queued two"));

        client.send(ModelId.of("m"), null, ChatSettings.defaults());

        assertThat(chat.requests().get(0).messages()).extracting(Message::text)
                .containsExactly("queued one", "queued two");
    }

    @Test
    void keepsPartialReplyMarkedIncomplete_andUserMessageOnce_whenStreamBreaks() {
        chat.thenEventsThenFailure(new TransportException("reset", null), new ChatEvent.TextDelta("partial"));
        T3Client client = client();

        assertThatThrownBy(() -> client.send(ModelId.of("m"), "question", ChatSettings.defaults()))
                .isInstanceOf(StreamInterruptedException.class);

        assertThat(client.messages()).extracting(Message::text).containsExactly("question", "partial");
        assertThat(client.messages().get(1).status()).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).messages()).hasSize(2);
    }

    @Test
    void resumesThread_withEarlierMessages() {
        chat.thenEvents(reply("ok"));
        T3Client client = client();
        ThreadId thread = ThreadId.of("11111111-2222-3333-4444-555555555555");

        client.resumeConversation(thread, List.of(Message.user("earlier"), Message.assistant("answer")));
        client.send(ModelId.of("m"), "again", ChatSettings.defaults());

        assertThat(chat.requests().get(0).threadId()).isEqualTo(thread);
        assertThat(chat.requests().get(0).messages()).hasSize(3);
    }

    @Test
    void clearsMessages_butKeepsThread() {
        chat.thenEvents(reply("a")).thenEvents(reply("b"));
        T3Client client = client();
        client.send(ModelId.of("m"), "one", ChatSettings.defaults());

        client.clearMessages();
        client.send(ModelId.of("m"), "two", ChatSettings.defaults());

        assertThat(chat.requests().get(1).messages()).hasSize(1);
        assertThat(chat.requests().get(1).threadId()).isEqualTo(chat.requests().get(0).threadId());
    }

    @Test
    void downloadsImage_withBase64AndPath_whenReplyHasImage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        List<URI> fetched = new ArrayList<>();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        chat.thenEvents(new ChatEvent.ImageGenerated("https://img.example/a.png"), new ChatEvent.Finished("stop"));
        T3Client client = T3Client.builder().session(aSession()).chatTransport(chat)
                .imageFetcher(url -> {
                    fetched.add(url);
                    return new FetchedImage(new ByteArrayInputStream(png), "image/png", png.length);
                })
                .imageStore((in, target) -> {
                    try {
                        in.transferTo(stored);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return target.path().orElseThrow();
                })
                .build();

        Message message = client.sendWithImageDownload(ModelId.of("gpt-image-1"), "a cat", ChatSettings.defaults(),
                Path.of("cat.png"));

        assertThat(message.contentType()).isEqualTo(ContentType.IMAGE);
        assertThat(fetched).containsExactly(URI.create("https://img.example/a.png"));
        assertThat(stored.toByteArray()).isEqualTo(png);
        assertThat(message.image().orElseThrow().base64Data()).contains(Base64.getEncoder().encodeToString(png));
        assertThat(message.image().orElseThrow().localPath()).contains("cat.png");
        assertThat(client.messages().get(1)).isEqualTo(message);
    }

    @Test
    void refusesToBuild_withoutCredentialsForAdaptersThatSendThem_orWithoutTransport_andNeverLeaksSecrets() {
        assertThatThrownBy(() -> T3Client.builder().adapters(ports -> ports.chat(chat).credentialsRequired()).build())
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

        assertThatThrownBy(() -> client.send(ModelId.of("m"), "one", ChatSettings.defaults()))
                .isInstanceOf(StreamInterruptedException.class);
        client.send(ModelId.of("m"), "two", ChatSettings.defaults());

        assertThat(renewals).hasValue(2);
        assertThat(chat.requests().get(2).session().cookies().get("wos-session")).contains("rotated-2");
        assertThat(client.renewedSession().cookies().get("wos-session")).contains("rotated-2");
        assertThat(renewals).hasValue(2);
    }

    @Test
    void leavesTheHistoryAsItWas_whenNothingWasReceived() {
        chat.thenThrow(new TransportException("connection refused", null)).thenEvents(reply("ok"));
        T3Client client = client();

        assertThatThrownBy(() -> client.send(ModelId.of("m"), "question", ChatSettings.defaults()))
                .isInstanceOf(TransportException.class);
        assertThat(client.messages()).isEmpty();
        client.send(ModelId.of("m"), "question", ChatSettings.defaults());

        assertThat(chat.requests().get(1).messages()).extracting(Message::text).containsExactly("question");
    }

    @Test
    void keepsNoEmptyMessage_whenCancelledBeforeTheFirstToken() {
        io.github.t3chat4j.application.port.in.Cancellation cancellation =
                new io.github.t3chat4j.application.port.in.Cancellation();
        cancellation.cancel();
        chat.thenEvents(reply("never shown"));
        T3Client client = client();

        Message result = client.send(ModelId.of("m"), "question",
                ChatSettings.defaults(), e -> { }, cancellation);

        assertThat(result.isComplete()).isFalse();
        assertThat(result.text()).isEmpty();
        assertThat(client.messages()).isEmpty();
        assertThat(saved).isEmpty();
        assertThat(chat.requests()).isEmpty();
    }

    @Test
    void reportsDownloadProgress_upToTheWholeImage() {
        byte[] image = new byte[10_000];
        image[0] = (byte) 0x89;
        List<long[]> reports = new ArrayList<>();
        T3Client client = T3Client.builder().session(aSession()).chatTransport(chat)
                .imageFetcher(url -> new FetchedImage(new ByteArrayInputStream(image), "image/png", image.length))
                .imageStore((in, target) -> {
                    try {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Path.of("x.png");
                })
                .build();

        client.saveImage(io.github.t3chat4j.domain.message.ImageContent.fromUrl("https://img.example/x.png"),
                io.github.t3chat4j.domain.message.ImageTarget.generated("x"),
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
    void buildsWithoutCredentials_forATransportThatNeverSendsThem() {
        T3Client client = T3Client.builder()
                .chatTransport(request -> ChatStream.of(new ChatEvent.TextDelta("scripted"), new ChatEvent.Finished("stop")))
                .build();

        assertThat(client.send("hi").text()).isEqualTo("scripted");
        assertThat(client.session().isAnonymous()).isTrue();
    }

    @Test
    void refusesABadModelId_asInvalidInput() {
        assertThatThrownBy(() -> T3Client.builder().model("   "))
                .isInstanceOf(InvalidInputException.class);
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
    void closingAPulledReply_cancelsIt_andKeepsWhatArrived() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        chat.then(request -> chat.stream(Stream.concat(Stream.of((ChatEvent) new ChatEvent.TextDelta("first")),
                Stream.generate(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return (ChatEvent) new ChatEvent.TextDelta("late");
                }).limit(1))));
        T3Client client = client();

        ReplyStream stream = client.stream("question");
        assertThat(stream.iterator().next()).isEqualTo(new ChatEvent.TextDelta("first"));
        // Closing waits for the send to stop; the send is stuck waiting for "late" until the cancel has
        // reached the transport's stream, so release it from here once it has.
        Thread closer = new Thread(stream::close);
        closer.start();
        while (chat.closedStreams() == 0) {
            Thread.sleep(5);
        }
        release.countDown();
        closer.join(10_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(stream.message().isComplete()).isFalse();
        assertThat(client.messages()).hasSize(2);
        assertThat(client.messages().get(1).text()).startsWith("first");
    }

    @Test
    void sendsAsynchronously_andCancellingTheFutureCancelsTheReply() throws Exception {
        chat.thenEvents(reply("async"));
        T3Client client = client();

        Message message = client.sendAsync("question", ChatEventListener.NONE).get(10, TimeUnit.SECONDS);

        assertThat(message.text()).isEqualTo("async");

        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        chat.then(request -> {
            opened.countDown();
            return chat.stream(Stream.generate(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return (ChatEvent) new ChatEvent.TextDelta("x");
            }).limit(1000));
        });
        CompletableFuture<Message> pending = client.sendAsync("second", ChatEventListener.NONE);
        opened.await(10, TimeUnit.SECONDS);

        pending.cancel(true);
        release.countDown();

        assertThat(pending).isCancelled();
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
}
