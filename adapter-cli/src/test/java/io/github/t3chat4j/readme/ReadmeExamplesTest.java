package io.github.t3chat4j.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.t3chat4j.adapter.http.HttpAdapterModule;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.storage.StorageAdapterModule;
import io.github.t3chat4j.adapter.storage.StorageAdapters;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import io.github.t3chat4j.application.ApplicationModule;
import io.github.t3chat4j.application.Chat;
import io.github.t3chat4j.application.ChatOptions;
import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.ReplyFailedException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.SearchConversationsQuery;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.search.SearchHit;
import io.github.t3chat4j.domain.search.SearchOrder;
import io.github.t3chat4j.domain.search.SearchPage;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.ScriptedChatAdapter;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's library examples against the fake t3.chat on loopback, and checks that the README
 * shows exactly these lines: each example sits between {@code // readme:NAME} and {@code // end} here,
 * and after {@code <!-- readme:NAME -->} there.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");

    private final FakeT3Server server = FakeT3Server.start();
    private final String cookies = "wos-session=readme-session; convex-session-id=readme-convex";
    private final HttpConfig config = HttpConfig.defaults(server.baseUrl());
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void fromTheEnvironment() {
        // readme:from-env
        try (T3Client client = T3Client.fromEnv(server.environment())) {   // T3Client.fromEnv(): this process's
            out.println(client.chat().send("Hello!").text());             // COOKIES, CONVEX_SESSION_ID, …
        }
        // end

        assertThat(printed()).startsWith("Echo(1): Hello!");
    }

    @Test
    void quickStart() {
        // readme:quick-start
        try (T3Client client = T3Client.builder()
                .cookies(cookies)                                   // the browser's Cookie header
                .adapters(HttpAdapters.create(config))              // HttpConfig.defaults() is https://t3.chat
                .build()) {
            Chat chat = client.chat();                              // a conversation: its handle keeps the history
            Message reply = chat.send("Hello!", event -> {
                if (event instanceof ChatEvent.TextDelta delta) {
                    out.print(delta.text());                        // streams as it arrives
                }
            });
            chat.send("And in French?");                            // same thread, whole history sent
            out.println(client.account().credits().balance());      // the same session, renewed once
        }
        // end

        assertThat(printed()).startsWith("Echo(1): Hello!");
        assertThat(server.requests("/api/chat")).hasSize(2);
        assertThat(server.requests("/api/chat").get(1).body()).contains("Hello!", "And in French?");
    }

    @Test
    void manyConversations() {
        // readme:many
        try (T3Client client = T3Client.builder().cookies(cookies).adapters(HttpAdapters.create(config)).build()) {
            ChatOptions options = ChatOptions.defaults().withReasoningEffort(ReasoningEffort.LOW);  // per request
            List<Chat> chats = new ArrayList<>();
            List<CompletableFuture<Message>> replies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Chat chat = client.chat(options);                   // one client, many conversations at once
                chats.add(chat);
                replies.add(chat.sendAsync("Question " + i));
            }
            replies.forEach(reply -> out.println(reply.join().text()));
            out.println(chats.get(3).messages().size());            // 2: its own question and answer, no other
        }
        // end

        assertThat(printed().lines()).contains("Echo(1): Question 0", "Echo(1): Question 9", "2");
        assertThat(server.requests("/api/chat")).hasSize(10);
    }

    @Test
    void errors() {
        server.enqueueChat(Scenarios.truncated());
        try (T3Client client = T3Client.builder().cookies(cookies).adapters(HttpAdapters.create(config)).build()) {
            // readme:errors
            try {
                client.chat().send("Hello!");
            } catch (ReplyFailedException cutOff) {                     // the reply began and did not complete
                out.println(cutOff.partialReply().text());              // what arrived, kept in the conversation
            } catch (T3ChatException failure) {
                out.println(failure.detail() + " / " + failure.remedy().orElse(null));
            }
            // end
        }

        assertThat(printed()).startsWith(Scenarios.PARTIAL_TEXT);
    }

    @Test
    void pullAndAsync() throws Exception {
        try (T3Client client = T3Client.builder().cookies(cookies).adapters(HttpAdapters.create(config)).build()) {
            // readme:pull
            Chat chat = client.chat();
            try (ReplyStream reply = chat.stream("Tell me a story")) {
                for (ChatEvent event : reply) {
                    if (event instanceof ChatEvent.TextDelta delta) {
                        out.print(delta.text());
                    }
                }
                Message message = reply.message();                  // or the exception the send threw
            }
            CompletableFuture<Message> later = chat.sendAsync("Another one", event -> { });
            later.cancel(true);                                     // cancelling the future stops the reply
            // end
            assertThat(later).isCancelled();
        }

        assertThat(printed()).startsWith("Echo(1): Tell me a story");
    }

    @Test
    void storageAndModelChecks() {
        // readme:storage
        StorageConfig files = new StorageConfig(folder);            // or StorageConfig.fromEnvironment(System.getenv())
        try (T3Client client = T3Client.builder()
                .cookies(cookies)
                .adapters(HttpAdapters.create(config))
                .adapters(StorageAdapters.create(files))            // conversations and images on disk
                .model("claude-4-sonnet")
                .build()) {
            client.send("Remember this");                           // saved after the reply
            out.println(client.account().resolveModel("claude-4-sonet"));  // InvalidInputException: Did you mean …?
        } catch (InvalidInputException unknownModel) {
            out.println(unknownModel.getMessage());
        }
        LocalClient local = LocalClient.of(StorageAdapters.create(files));       // list, export, import, delete
        // end

        assertThat(local.listConversations().conversations()).hasSize(1);
        assertThat(printed().lines()).anyMatch(line -> line.contains("Did you mean 'claude-4-sonnet'?"));
    }

    @Test
    void search() {
        StorageConfig files = new StorageConfig(folder);
        try (T3Client client = T3Client.builder().cookies(cookies).adapters(HttpAdapters.create(config))
                .adapters(StorageAdapters.create(files)).build()) {
            client.send("How do I shade a jar with Maven?");
            client.newConversation();
            client.send("And with Gradle?");
        }
        LocalClient local = LocalClient.of(StorageAdapters.create(files));
        // readme:search
        SearchConversationsQuery query = SearchConversationsQuery.of("maven -gradle")   // the CLI's query language
                .withOrder(SearchOrder.NEWEST).withPageSize(20);
        SearchPage page = local.searchConversations(query);
        for (SearchHit hit : page.hits()) {
            out.println(hit.threadId() + " " + hit.title() + ": " + hit.snippet().text());  // highlights(): ranges
        }
        if (page.hasNextPage()) {
            page = local.searchConversations(query.nextPage());
        }
        // end

        assertThat(printed().lines()).singleElement().asString()
                .matches("[0-9a-f-]{36} How do I shade a jar with Maven\\?: (Echo\\(1\\): )?How do I shade a jar with Maven\\?");
    }

    @Test
    void guice() {
        // readme:guice
        Injector injector = Guice.createInjector(new ApplicationModule(),
                new HttpAdapterModule(config), new StorageAdapterModule(new StorageConfig(folder)));
        try (T3Client client = injector.getInstance(T3Client.Builder.class).cookies(cookies).build()) {
            client.send("Hello from Guice");                        // closing the client closes the connection pool
        }
        LocalClient local = injector.getInstance(LocalClient.class);
        out.println(local.listConversations().conversations().size());   // 1
        // end

        assertThat(printed().lines()).containsExactly("1");
    }

    @Test
    void customTransport() {
        // readme:custom-transport
        T3Client scripted = T3Client.builder()                      // no credentials: nothing is sent anywhere
                .chatTransport(request -> ChatStream.of(new ChatEvent.TextDelta("Hi!"), new ChatEvent.Finished("stop")))
                .build();
        out.println(scripted.send("hello").text());                 // Hi!

        ScriptedChatAdapter chat = new ScriptedChatAdapter().thenReply("first").thenReply("second");
        T3Client tested = T3Client.builder().chatTransport(chat).build();   // t3chat4j-testkit
        tested.send("one");
        tested.send("two");
        out.println(chat.requests().get(1).messages().size());      // 3: the history went out
        // end

        assertThat(printed().lines()).containsExactly("Hi!", "3");
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readmeShowsExactlyTheTestedExamples() throws IOException {
        Map<String, String> tested = blocks(Files.readString(Path.of("src/test/java/io/github/t3chat4j/readme/"
                + "ReadmeExamplesTest.java")), "// readme:", "// end");
        Map<String, String> shown = readmeBlocks(Files.readString(README));

        assertThat(shown).isEqualTo(tested);
    }

    /** The lines between each {@code start + name} line and the next {@code end} line, dedented. */
    private static Map<String, String> blocks(String source, String start, String end) {
        Map<String, String> blocks = new LinkedHashMap<>();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(start)) {
                String name = line.substring(start.length()).strip();
                List<String> body = new ArrayList<>();
                for (i++; !lines.get(i).strip().equals(end); i++) {
                    body.add(lines.get(i));
                }
                blocks.put(name, dedent(body));
            }
        }
        return blocks;
    }

    private static Map<String, String> readmeBlocks(String readme) {
        Map<String, String> blocks = new LinkedHashMap<>();
        List<String> lines = readme.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("<!-- readme:") && line.endsWith("-->")) {
                String name = line.substring("<!-- readme:".length(), line.length() - "-->".length()).strip();
                List<String> body = new ArrayList<>();
                for (i += 2; !lines.get(i).strip().equals("```"); i++) {
                    body.add(lines.get(i));
                }
                blocks.put(name, dedent(body));
            }
        }
        return blocks;
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .toList());
    }
}
