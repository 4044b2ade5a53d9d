package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.EventStreamWriter;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
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

    @Test
    void readsBackAReplyLongerThanJacksonsDefaultLimit_andContinuesIt_andListsAndShowsEveryOther() throws Exception {
        // 21 million characters: under the 64 MiB reply limit, over the 20 million Jackson reads by default.
        String piece = "x".repeat(1_000_000);
        server.enqueueChat(exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(Scenarios.start(exchange)).event(Scenarios.part("text-start", "txt-0"));
            for (int i = 0; i < 21; i++) {
                out.event(Scenarios.textDelta("txt-0", piece));
            }
            out.event(Scenarios.finish("stop")).done();
        });
        assertThat(t3.run("ask", "first, a small one")).as(t3.err()).isZero();
        assertThat(t3.run("ask", "then a long one")).as(t3.err()).isZero();
        Path big = conversationFiles().stream().max(java.util.Comparator.comparingLong(HostileStorageTest::size))
                .orElseThrow();
        String id = big.getFileName().toString().replace(".json", "");

        int shown = t3.run("conversations", "show", id);
        int shownLength = t3.out().length();
        int listed = t3.run("conversations", "list");
        String list = t3.out();
        int continued = t3.run("ask", "--continue", "and now?");

        assertThat(shown).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(shownLength).isGreaterThan(21_000_000);
        assertThat(listed).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(list.lines()).hasSize(2);
        assertThat(continued).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).startsWith("Echo(3): and now?");
    }

    @Test
    void refusesToDeleteAConversationThatASendIsUsing_withExit9_andKeepsItWhole() throws Exception {
        assertThat(t3.run("ask", "first")).as(t3.err()).isZero();
        String id = conversationFiles().get(0).getFileName().toString().replace(".json", "");
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        server.enqueueChat(Scenarios.gated(gate));
        InProcessT3 sender = InProcessT3.signedIn(home, server, "hostile-storage");
        java.util.concurrent.CompletableFuture<Integer> sending = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> sender.run("ask", "--continue", "second"));
        try {
            while (server.requests("/api/chat").size() < 2) {
                Thread.sleep(20);
            }

            int code = t3.run("conversations", "delete", id);

            assertThat(code).isEqualTo(ExitCode.BUSY);
            assertThat(t3.err()).contains("is in use by")
                    .contains("Nothing was deleted");
            assertThat(t3.out()).doesNotContain("Deleted");
        } finally {
            gate.countDown();
        }
        assertThat(sending.get(60, java.util.concurrent.TimeUnit.SECONDS)).as(sender.err()).isZero();
        assertThat(Files.readString(conversations().resolve(id + ".json"))).contains("second")
                .contains(Scenarios.GATED_REST);

        assertThat(t3.run("conversations", "delete", id)).as(t3.err()).isZero();
        assertThat(t3.run("ask", "--conversation", id, "third")).isNotZero();
        assertThat(conversations().resolve(id + ".json")).doesNotExist();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
