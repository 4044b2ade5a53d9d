package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage rows of the reliability table (9, 10, 12), through the real composition root and files. */
class HostileStorageTest {

    private final FakeT3Server server = FakeT3Server.start();
    private StringWriter out;
    private StringWriter err;

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private int t3(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("COOKIES", "wos-session=hostile-storage; convex-session-id=cvx");
        env.put("T3_BASE_URL", server.baseUrl().toString());
        PrintWriter errWriter = new PrintWriter(err, true);
        return Main.run(new CliContext(new PrintWriter(out, true), errWriter, new ByteArrayInputStream(new byte[0]),
                env, true, false, false, new Backends(env, errWriter), home), args);
    }

    private Path conversations() {
        return home.resolve(".local/share/t3chat4j/conversations");
    }

    private List<Path> conversationFiles() throws IOException {
        try (Stream<Path> files = Files.list(conversations())) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void refusesToContinueAnOlderConversation_whenTheNewestFileIsUnreadable() throws Exception {
        assertThat(t3("ask", "first")).as(err.toString()).isZero();
        Path older = conversationFiles().get(0);
        Files.setLastModifiedTime(older, FileTime.from(Instant.now().minusSeconds(3600)));
        assertThat(t3("ask", "second")).as(err.toString()).isZero();
        Path newest = conversationFiles().stream().filter(f -> !f.equals(older)).findFirst().orElseThrow();
        Files.writeString(newest, "{\"schemaVersion\":1,\"threadId\":");

        int code = t3("ask", "--continue", "again");

        assertThat(code).isEqualTo(ExitCode.IO);
        assertThat(err.toString()).contains(newest.getFileName().toString()).contains("--conversation ID");
        assertThat(server.requests("/api/chat")).hasSize(2);
    }

    @Test
    void printsTheReplyAsJson_andThenSaysItWasNotSaved_whenTheConversationCannotBeSaved() throws Exception {
        Files.createDirectories(conversations().getParent());
        Files.writeString(conversations(), "a file where the conversations folder should be");

        int code = t3("ask", "--json", "hello");

        assertThat(code).isEqualTo(ExitCode.IO);
        assertThat(out.toString()).contains("\"text\":\"Echo(1): hello\"").contains("\"complete\":true");
        assertThat(err.toString()).contains("could not be saved").contains(conversations().toString());
    }

    @Test
    void saysTheDataFolderIsAFile_insteadOfListingNothing() throws Exception {
        Files.createDirectories(conversations().getParent());
        Files.writeString(conversations(), "not a folder");

        int code = t3("conversations", "list");

        assertThat(code).isEqualTo(ExitCode.IO);
        assertThat(err.toString()).contains("is a file, not a folder");
        assertThat(out.toString()).doesNotContain("No conversations yet");
    }
}
