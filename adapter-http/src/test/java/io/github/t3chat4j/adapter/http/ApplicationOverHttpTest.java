package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.http.internal.RecordingSleeper;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.ChatStreamException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.testkit.FakeImageHost;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T3Client over the real HTTP adapters and the fake server. */
class ApplicationOverHttpTest {

    private FakeT3Server server;
    private T3Client client;

    @BeforeEach
    void start() {
        server = FakeT3Server.start();
        client = client(server.baseUrl());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static T3Client client(URI baseUrl) {
        return T3Client.builder().session(Fixtures.session())
                .adapters(HttpAdapters.create(Fixtures.config(baseUrl), new RecordingSleeper()))
                .adapters(Fixtures.imageStore((bytes, target) -> save(bytes, target.path().orElseThrow())))
                .build();
    }

    @Test
    void refreshesAndRetriesOnce_when401() {
        client.refreshSession();
        server.expireSessionUntilRefresh("wos-ROTATED-9");

        Message reply = client.send("Hi there");

        assertThat(reply.text()).isEqualTo("Echo(1): Hi there");
        assertThat(client.session().cookies().get("wos-session")).hasValue("wos-ROTATED-9");
        assertThat(server.requests("/api/chat")).hasSize(2);
        assertThat(server.requests(FakeT3Server.ACTIVE_SESSIONS_PATH)).hasSize(2);
    }

    @Test
    void keepsThePartialReply_whenTheBodyIsTruncated() {
        server.enqueueChat(Scenarios.truncated());

        assertThatThrownBy(() -> client.send("Hi there"))
                .isInstanceOfSatisfying(StreamInterruptedException.class,
                        e -> assertThat(e.partialReply().text()).isEqualTo(Scenarios.PARTIAL_TEXT));
    }

    @Test
    void keepsThePartialReply_whenTheConnectionResetsMidStream() throws IOException {
        String response = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
                + RawHttpServer.chunk("data: {\"type\":\"text-delta\",\"delta\":\"so far\"}\n\n");
        try (RawHttpServer raw = new RawHttpServer(response);
                T3Client overRaw = client(raw.baseUrl())) {

            assertThatThrownBy(() -> overRaw.send("Hi there"))
                    .isInstanceOfSatisfying(StreamInterruptedException.class,
                            e -> assertThat(e.partialReply().text()).isEqualTo("so far"))
                    .hasCauseInstanceOf(TransportException.class);
        }
    }

    @Test
    void reportsInStreamError_withThePartialReply() {
        server.enqueueChat(Scenarios.errorAfterText());

        assertThatThrownBy(() -> client.send("Hi there"))
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
        ReplyStream stream = client.stream("Hi there");

        CompletableFuture<Message> sending = CompletableFuture.supplyAsync(() -> {
            stream.iterator().forEachRemaining(event -> firstDelta.countDown());
            return stream.message();
        });
        assertThat(firstDelta.await(5, TimeUnit.SECONDS)).isTrue();
        stream.close();
        Message reply = sending.get(5, TimeUnit.SECONDS);
        gate.countDown();

        assertThat(reply.text()).isEqualTo(Scenarios.GATED_FIRST);
        assertThat(client.lastReply()).hasValueSatisfying(
                last -> assertThat(last.ending()).isEqualTo(Reply.Ending.CANCELLED));
    }

    @Test
    void downloadsAGeneratedImage_withoutSendingTheCookieToTheImageHost(@TempDir Path folder) {
        try (FakeImageHost host = FakeImageHost.start()) {
            server.enqueueChat(Scenarios.imageAt(host.imageUrl()));

            Message reply = client.sendWithImageDownload("a cat", folder.resolve("cat.png"));

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
}
