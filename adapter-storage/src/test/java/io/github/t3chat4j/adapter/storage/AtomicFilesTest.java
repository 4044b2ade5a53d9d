package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.t3chat4j.application.error.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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

        new AtomicFiles().write(target, text("new"));

        assertThat(target).hasContent("new");
        assertThat(names(folder)).containsExactly("doc.json");
    }

    @Test
    void createsOwnerOnlyFileInOwnerOnlyFolders_whenFoldersAreMissing() throws IOException {
        Path target = folder.resolve("a/b/doc.json");

        new AtomicFiles().write(target, text("new"));

        assertThat(permissions(target)).isEqualTo("rw-------");
        assertThat(permissions(folder.resolve("a"))).isEqualTo("rwx------");
        assertThat(permissions(folder.resolve("a/b"))).isEqualTo("rwx------");
    }

    @Test
    void leavesAnOwnerOnlyFile_whenTheFileItReplacesWasReadableByOthers() throws IOException {
        Path target = Files.writeString(folder.resolve("config.properties"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));

        new AtomicFiles().write(target, text("new"));

        assertThat(permissions(target)).isEqualTo("rw-------");
    }

    @Test
    void namesEachTemporaryFileUnpredictablyNextToTheTarget() {
        Path target = folder.resolve("doc.json");
        List<Path> temporaries = new ArrayList<>();
        AtomicFiles files = new AtomicFiles((source, destination, options) -> {
            temporaries.add(source);
            Files.move(source, destination, options);
        });

        files.write(target, text("one"));
        files.write(target, text("two"));

        assertThat(temporaries).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(temporary -> {
                    assertThat(temporary.getParent()).isEqualTo(folder);
                    assertThat(temporary.getFileName().toString())
                            .matches("\\.doc\\.json\\.pid" + ProcessHandle.current().pid() + "\\.[0-9]+\\.tmp");
                });
    }

    @Test
    void forcesTheBytesToDiskBeforeTheMoveAndTheFolderAfterIt() throws IOException {
        Path target = Files.writeString(folder.resolve("doc.json"), "old");
        List<String> steps = new ArrayList<>();
        AtomicFiles files = new AtomicFiles(
                (source, destination, options) -> {
                    steps.add("move");
                    Files.move(source, destination, options);
                },
                channel -> {
                    steps.add(steps.isEmpty() ? "force " + channel.size() + " bytes, target " + Files.readString(target)
                            : "force folder");
                    channel.force(true);
                });

        files.write(target, text("new!"));

        assertThat(steps).containsExactly("force 4 bytes, target old", "move", "force folder");
        assertThat(target).hasContent("new!");
    }

    @Test
    void namesTargetAndCauseAndKeepsPreviousContent_whenForcingFails() throws IOException {
        Path target = Files.writeString(folder.resolve("doc.json"), "old");
        AtomicFiles files = new AtomicFiles(Files::move, channel -> {
            throw new IOException("Input/output error");
        });

        assertThatThrownBy(() -> files.write(target, text("new")))
                .isInstanceOf(StorageException.class)
                .hasMessage("Could not write " + target + ": Input/output error.");

        assertThat(target).hasContent("old");
        assertThat(names(folder)).containsExactly("doc.json");
    }

    @Test
    void fallsBackToReplacing_whenTheFileSystemCannotMoveAtomically() {
        Path target = folder.resolve("doc.json");
        List<List<CopyOption>> attempts = new ArrayList<>();
        AtomicFiles files = new AtomicFiles((source, destination, options) -> {
            attempts.add(List.of(options));
            if (List.of(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
                throw new AtomicMoveNotSupportedException(source.toString(), destination.toString(), "cross-device");
            }
            Files.move(source, destination, options);
        });

        files.write(target, text("new"));

        assertThat(target).hasContent("new");
        assertThat(attempts).containsExactly(List.of(StandardCopyOption.ATOMIC_MOVE),
                List.of(StandardCopyOption.REPLACE_EXISTING));
        assertThat(names(folder)).containsExactly("doc.json");
    }

    @Test
    void namesTargetAndCauseNotTheTemporaryFile_whenTheMoveFails() throws IOException {
        Path target = Files.writeString(folder.resolve("doc.json"), "old");
        AtomicFiles failingMove = new AtomicFiles((source, destination, options) -> {
            throw new FileSystemException(source.toString(), destination.toString(), "No space left on device");
        });

        assertThatThrownBy(() -> failingMove.write(target, text("new")))
                .isInstanceOf(StorageException.class)
                .hasMessage("Could not write " + target + ": No space left on device.")
                .hasCauseInstanceOf(FileSystemException.class);

        assertThat(target).hasContent("old");
        assertThat(names(folder)).containsExactly("doc.json");
    }

    @Test
    void saysPermissionDenied_whenTheOnlyClueIsATemporaryPath() {
        Path target = folder.resolve("doc.json");
        AtomicFiles refused = new AtomicFiles((source, destination, options) -> {
            throw new AccessDeniedException(source.toString());
        });

        assertThatThrownBy(() -> refused.write(target, text("new")))
                .isInstanceOf(StorageException.class)
                .hasMessage("Could not write " + target + ": Permission denied.")
                .hasMessageNotContaining(".tmp");
        assertThat(names(folder)).isEmpty();
    }

    @Test
    void namesTargetAndPermissionDenied_whenTheFolderIsReadOnly() throws IOException {
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeThat(Files.isWritable(locked)).as("permissions bind this user (not root)").isFalse();
            Path target = locked.resolve("doc.json");

            assertThatThrownBy(() -> new AtomicFiles().write(target, text("new")))
                    .isInstanceOf(StorageException.class)
                    .hasMessage("Could not write " + target + ": Permission denied.");

            assertThat(names(locked)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void namesTheFolderThatCannotBeCreated_whenAFileStandsInItsWay() throws IOException {
        Files.writeString(folder.resolve("blocker"), "a file, not a folder");
        Path target = folder.resolve("blocker/sub/doc.json");

        assertThatThrownBy(() -> new AtomicFiles().write(target, text("new")))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("Could not write " + target + ": the folder " + folder.resolve("blocker/sub")
                        + " could not be created (")
                .hasMessageContaining("Not a directory");
    }

    @Test
    void namesTargetAndCauseAndKeepsPreviousContent_whenWritingFails() throws IOException {
        Path target = Files.writeString(folder.resolve("doc.json"), "old");

        assertThatThrownBy(() -> new AtomicFiles().write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(StorageException.class)
                .hasMessage("Could not write " + target + ": No space left on device.");

        assertThat(target).hasContent("old");
        assertThat(names(folder)).containsExactly("doc.json");
    }

    @Test
    void rethrowsTheContentsOwnUncheckedFailureAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(folder.resolve("doc.json"), "old");
        IllegalStateException broken = new IllegalStateException("the download broke");

        assertThatThrownBy(() -> new AtomicFiles().write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw broken;
        })).isSameAs(broken);

        assertThat(target).hasContent("old");
        assertThat(names(folder)).containsExactly("doc.json");
    }

    @Test
    void keepsWriting_whenTheContentClosesTheStream() {
        Path target = folder.resolve("doc.json");

        new AtomicFiles().write(target, out -> {
            out.write("closed early".getBytes(StandardCharsets.UTF_8));
            out.close();
        });

        assertThat(target).hasContent("closed early");
    }

    private static AtomicFiles.Content text(String value) {
        return out -> out.write(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
