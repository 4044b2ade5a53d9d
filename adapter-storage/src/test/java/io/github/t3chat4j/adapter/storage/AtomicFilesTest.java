package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheTarget_whenAllGoesWell() throws IOException {
        Path target = folder.resolve("doc.json");
        Files.writeString(target, "old");

        new AtomicFiles().write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("new");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void leavesPreviousFileIntactAndNoTemporaryFile_whenMoveFails() throws IOException {
        Path target = folder.resolve("doc.json");
        Files.writeString(target, "old");
        AtomicFiles failingMove = new AtomicFiles((temporary, destination) -> {
            throw new IOException("disk full");
        });

        assertThatThrownBy(() -> failingMove.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(target).hasContent("old");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void leavesPreviousFileIntactAndNoTemporaryFile_whenWritingFails() throws IOException {
        Path target = folder.resolve("doc.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> new AtomicFiles().write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("boom");
        })).isInstanceOf(IOException.class);

        assertThat(target).hasContent("old");
        assertThat(listing()).containsExactly(target);
    }

    private Stream<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList().stream();
        }
    }
}
