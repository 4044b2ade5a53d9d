package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage rows of the reliability table (9, 10, 12), through the real composition root and files. */
class HostileStorageTest {

    private final FakeT3Server server = FakeT3Server.start();

    @TempDir
    Path home;

    private T3Runner t3;

    /** How t3 is run; the {@code *LauncherIT} subclass runs this class through the packaged launcher, cold and warm. */
    T3Runner.Mode mode() {
        return T3Runner.Mode.IN_PROCESS;
    }

    @BeforeEach
    void signIn() {
        t3 = mode().runner(home, InProcessT3.signedInEnv(server, "hostile-storage"));
    }

    @AfterEach
    void stop() {
        try {
            t3.close();
        } finally {
            server.close();
        }
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
        assertThat(t3.run("ask", "first")).as(t3.err()).isZero();
        Path older = conversationFiles().get(0);
        Files.setLastModifiedTime(older, FileTime.from(Instant.now().minusSeconds(3600)));
        assertThat(t3.run("ask", "second")).as(t3.err()).isZero();
        Path newest = conversationFiles().stream().filter(f -> !f.equals(older)).findFirst().orElseThrow();
        Files.writeString(newest, "{\"schemaVersion\":1,\"threadId\":");

        int code = t3.run("ask", "--continue", "again");

        assertThat(code).isEqualTo(ExitCode.IO);
        assertThat(t3.err()).contains(newest.getFileName().toString()).contains("--conversation ID");
        assertThat(server.requests("/api/chat")).hasSize(2);
    }

    @Test
    void printsTheReplyAsJson_andThenSaysItWasNotSaved_whenTheConversationCannotBeSaved() throws Exception {
        Files.createDirectories(conversations().getParent());
        Files.writeString(conversations(), "a file where the conversations folder should be");

        int code = t3.run("ask", "--json", "hello");

        assertThat(code).isEqualTo(ExitCode.IO);
        assertThat(t3.out()).contains("\"text\":\"Echo(1): hello\"").contains("\"complete\":true");
        assertThat(t3.err()).contains("could not be saved").contains(conversations().toString());
    }

    @Test
    void saysTheDataFolderIsAFile_insteadOfListingNothing() throws Exception {
        Files.createDirectories(conversations().getParent());
        Files.writeString(conversations(), "not a folder");

        int code = t3.run("conversations", "list");

        assertThat(code).isEqualTo(ExitCode.IO);
        assertThat(t3.err()).contains("is a file, not a folder");
        assertThat(t3.out()).doesNotContain("No conversations yet");
    }
}
