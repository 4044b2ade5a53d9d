package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.ChatStreamException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.port.in.Cancellation;
import io.github.t3chat4j.application.port.in.SendMessageCommand;
import io.github.t3chat4j.application.port.in.SendMessageResult;
import io.github.t3chat4j.application.service.RefreshSessionService;
import io.github.t3chat4j.application.service.SendMessageService;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.testkit.FakeImageHost;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's use cases and T3Client over the real HTTP adapters and the fake server. */
class ApplicationOverHttpTest {

    private FakeT3Server server;
    private Fixtures.Adapters adapters;
    private SendMessageService sendMessage;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
        adapters = Fixtures.adapters(Fixtures.config(server.baseUrl()), new RecordingSleeper());
        sendMessage = new SendMessageService(adapters.chat, new RefreshSessionService(adapters.session));
    }

    @AfterEach
    void stop() throws IOException {
        adapters.close();
        server.close();
    }

    @Test
    void refreshesAndRetriesOnce_when401() {
        server.expireSessionUntilRefresh("wos-ROTATED-9");

        SendMessageResult result = sendMessage.sendMessage(command(new Cancellation()), event -> { });

        assertThat(result.reply().text()).isEqualTo("Echo(1): Hi there");
        assertThat(result.session().cookies().get("wos-session")).hasValue("wos-ROTATED-9");
        assertThat(server.requests("/api/chat")).hasSize(2);
        assertThat(server.requests(FakeT3Server.ACTIVE_SESSIONS_PATH)).hasSize(1);
    }

    @Test
    void keepsThePartialReply_whenTheBodyIsTruncated() {
        server.enqueueChat(Scenarios.truncated());

        assertThatThrownBy(() -> sendMessage.sendMessage(command(new Cancellation()), event -> { }))
                .isInstanceOfSatisfying(StreamInterruptedException.class,
                        e -> assertThat(e.partialReply().text()).isEqualTo(Scenarios.PARTIAL_TEXT));
    }

    @Test
    void keepsThePartialReply_whenTheConnectionResetsMidStream() throws IOException {
        String response = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
                + HttpChatAdapterTest.chunk("data: {\"type\":\"text-delta\",\"delta\":\"so far\"}\n\n");
        try (RawHttpServer raw = new RawHttpServer(response);
                Fixtures.Adapters rawAdapters = Fixtures.adapters(Fixtures.config(raw.baseUrl()), new RecordingSleeper())) {
            SendMessageService overRaw = new SendMessageService(rawAdapters.chat,
                    new RefreshSessionService(rawAdapters.session));

            assertThatThrownBy(() -> overRaw.sendMessage(command(new Cancellation()), event -> { }))
                    .isInstanceOfSatisfying(StreamInterruptedException.class,
                            e -> assertThat(e.partialReply().text()).isEqualTo("so far"))
                    .hasCauseInstanceOf(TransportException.class);
        }
    }

    @Test
    void reportsInStreamError_withThePartialReply() {
        server.enqueueChat(Scenarios.errorAfterText());

        assertThatThrownBy(() -> sendMessage.sendMessage(command(new Cancellation()), event -> { }))
                .isInstanceOfSatisfying(ChatStreamException.class, e -> {
                    assertThat(e.serverMessage()).isEqualTo(Scenarios.ERROR_TEXT);
                    assertThat(e.partialReply().text()).isEqualTo(Scenarios.PARTIAL_TEXT);
                });
    }

    @Test
    void cancelsMidStream_fromAnotherThread() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch firstDelta = new CountDownLatch(1);
        server.enqueueChat(Scenarios.gated(gate));
        Cancellation cancellation = new Cancellation();

        CompletableFuture<SendMessageResult> sending = CompletableFuture.supplyAsync(
                () -> sendMessage.sendMessage(command(cancellation), event -> firstDelta.countDown()));
        assertThat(firstDelta.await(5, TimeUnit.SECONDS)).isTrue();
        cancellation.cancel();
        SendMessageResult result = sending.get(5, TimeUnit.SECONDS);
        gate.countDown();

        assertThat(result.reply().ending()).isEqualTo(Reply.Ending.CANCELLED);
        assertThat(result.reply().text()).isEqualTo(Scenarios.GATED_FIRST);
    }

    @Test
    void downloadsAGeneratedImage_withoutSendingTheCookieToTheImageHost(@TempDir Path folder) {
        try (FakeImageHost host = FakeImageHost.start();
                T3Client client = T3Client.builder().session(Fixtures.session()).chatTransport(adapters.chat)
                        .sessionRenewal(adapters.session).imageFetcher(adapters.images)
                        .imageStore((bytes, target) -> save(bytes, target.path().orElseThrow()))
                        .build()) {
            server.enqueueChat(Scenarios.imageAt(host.imageUrl()));

            Message reply = client.sendWithImageDownload("gpt-image-1", "a cat", ChatSettings.defaults(),
                    folder.resolve("cat.png"));

            assertThat(reply.image()).hasValueSatisfying(image -> {
                assertThat(image.url()).hasValue(host.imageUrl().toString());
                assertThat(image.bytes()).hasValue(Scenarios.TINY_PNG);
            });
            assertThat(folder.resolve("cat.png")).hasBinaryContent(Scenarios.TINY_PNG);
            assertThat(host.sawCookie()).isFalse();
        }
    }

    private static Path save(InputStream bytes, Path path) {
        try {
            Files.copy(bytes, path);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SendMessageCommand command(Cancellation cancellation) {
        Conversation conversation = Conversation.start(ModelId.DEFAULT, ChatSettings.defaults(), Instant.now())
                .append(Message.user("Hi there"), Instant.now());
        return new SendMessageCommand(Fixtures.session(), conversation, ModelId.DEFAULT, ChatSettings.defaults(),
                cancellation);
    }
}
