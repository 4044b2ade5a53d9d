package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.AccountClient;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.NotConfiguredException;
import io.github.t3chat4j.application.DownloadProgressListener;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.testkit.FakeImageHost;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client built the one-line way over the HTTP adapters, against the fake server: chat, one renewal, account reads. */
class T3ClientOverHttpTest {

    @Test
    void chatsOverHttp_renewingTheSessionOnce() {
        StringBuilder printed = new StringBuilder();
        try (FakeT3Server server = FakeT3Server.start()) {
            try (T3Client client = T3Client.builder()
                    .cookies("wos-session=readme; theme=dark")
                    .convexSessionId("\"readme-convex\"")
                    .adapters(HttpAdapters.create(HttpConfig.defaults(server.baseUrl())))
                    .build()) {
                client.init();
                Message reply = client.send("Hello!", event -> {
                    if (event instanceof ChatEvent.TextDelta delta) {
                        printed.append(delta.text());
                    }
                });
                Message second = client.send("And in French?");
                client.newConversation();

                assertThat(reply.text()).isEqualTo("Echo(1): Hello!");
                assertThat(second.text()).isEqualTo("Echo(3): And in French?");
                assertThat(client.messages()).isEmpty();
            }
            assertThat(printed).hasToString("Echo(1): Hello!");
            assertThat(server.requests("/")).hasSize(1);
            assertThat(server.requests(FakeT3Server.ACTIVE_SESSIONS_PATH)).hasSize(1);
        }
    }

    @Test
    void readsTheAccount_withTheClientsSession() {
        try (FakeT3Server server = FakeT3Server.start();
                T3Client client = T3Client.builder().cookies("wos-session=readme").convexSessionId("cvx")
                        .adapters(HttpAdapters.create(HttpConfig.defaults(server.baseUrl()))).build()) {
            AccountClient account = client.account();

            assertThat(account.credits().balance()).isEqualByComparingTo("1000");
            assertThatThrownBy(() -> account.resolveModel("gemini-2.5-flsh"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Did you mean 'gemini-2.5-flash'?");
        }
    }

    @Test
    void savesAGeneratedImageAtThePathGiven_withNothingButTheHttpAdapters(@TempDir Path folder) throws Exception {
        try (FakeT3Server server = FakeT3Server.start();
                FakeImageHost host = FakeImageHost.start();
                T3Client client = T3Client.fromEnv(server.environment())) {
            server.enqueueChat(Scenarios.imageAt(host.imageUrl()));

            Message reply = client.sendWithImageDownload("a cat", folder.resolve("out/cat.png"));
            Path again = client.downloadImage(host.imageUrl().toString(), folder.resolve("again.png"));

            assertThat(folder.resolve("out/cat.png")).hasBinaryContent(Scenarios.TINY_PNG);
            assertThat(reply.image().orElseThrow().localPath()).hasValue(folder.resolve("out/cat.png").toString());
            assertThat(again).isEqualTo(folder.resolve("again.png")).hasBinaryContent(Scenarios.TINY_PNG);
            assertThat(Files.list(folder.resolve("out"))).singleElement();
            assertThatThrownBy(() -> client.saveImage(reply.image().orElseThrow(), ImageTarget.generated("a cat"),
                    DownloadProgressListener.NONE)).isInstanceOf(NotConfiguredException.class)
                    .hasMessageContaining("storage adapters");
        }
    }
}
