package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.domain.message.ImageTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileImageAdapterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private FileImageAdapter adapter() {
        return new FileImageAdapter(new StorageConfig(data), new AtomicFiles(), CLOCK);
    }

    private Path images() {
        return new StorageConfig(data).imagesDir();
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(TestImages.PNG, "png"),
                Arguments.of(TestImages.JPEG, "jpg"),
                Arguments.of(TestImages.WEBP, "webp"),
                Arguments.of(TestImages.GIF, "gif"),
                Arguments.of(TestImages.TEXT, "bin"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void picksExtensionFromMagicBytes_whenExplicitPathHasNone(byte[] bytes, String extension) throws IOException {
        Path saved = adapter().save(TestImages.stream(bytes), ImageTarget.at(data.resolve("out/picture")));

        assertThat(saved).isEqualTo(data.resolve("out/picture." + extension));
        assertThat(Files.readAllBytes(saved)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void picksExtensionFromMagicBytes_forGeneratedNames(byte[] bytes, String extension) {
        Path saved = adapter().save(TestImages.stream(bytes), ImageTarget.generated("a cat"));

        assertThat(saved.getFileName().toString()).isEqualTo("a-cat-20260102-030405." + extension);
    }

    @Test
    void keepsTheExtensionTheUserGave() {
        Path saved = adapter().save(TestImages.stream(TestImages.PNG), ImageTarget.at(data.resolve("cat.jpeg")));

        assertThat(saved).isEqualTo(data.resolve("cat.jpeg")).exists();
    }

    @Test
    void savesNewFileInsideIt_whenExplicitPathIsExistingFolder() throws IOException {
        Path pictures = Files.createDirectory(data.resolve("Pictures"));

        Path saved = adapter().save(TestImages.stream(TestImages.JPEG), ImageTarget.at(pictures));

        assertThat(saved).isEqualTo(pictures.resolve("image-20260102-030405.jpg"));
        assertThat(Files.readAllBytes(saved)).isEqualTo(TestImages.JPEG);
    }

    @Test
    void derivesNameFromPromptAndClock_insideImageFolder() {
        Path saved = adapter().save(TestImages.stream(TestImages.PNG), ImageTarget.generated("A Café, on a mat!"));

        assertThat(saved).isEqualTo(images().resolve("a-cafe-on-a-mat-20260102-030405.png"));
        assertThat(saved).exists();
    }

    @Test
    void derivesNameFromLastUrlSegment_whenHintIsUrl() {
        Path saved = adapter().save(TestImages.stream(TestImages.PNG),
                ImageTarget.generated("https://files.example/abc/Sunset_01.png?sig=x/../y"));

        assertThat(saved.getFileName().toString()).isEqualTo("sunset-01-20260102-030405.png");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..", "/etc/passwd", "a\\..\\..\\b", "x\u0000y\n../z", "", "   "})
    void staysDirectlyInsideImageFolder_whateverTheHint(String hint) {
        Path saved = adapter().save(TestImages.stream(TestImages.PNG), ImageTarget.generated(hint));

        assertThat(saved.normalize().getParent()).isEqualTo(images());
        assertThat(saved.getFileName().toString()).matches("[a-z0-9-]+-20260102-030405\\.png");
        assertThat(saved).exists();
    }

    @Test
    void addsCounter_whenGeneratedNameIsTaken() {
        Path first = adapter().save(TestImages.stream(TestImages.PNG), ImageTarget.generated("cat"));
        Path second = adapter().save(TestImages.stream(TestImages.PNG), ImageTarget.generated("cat"));

        assertThat(first.getFileName().toString()).isEqualTo("cat-20260102-030405.png");
        assertThat(second.getFileName().toString()).isEqualTo("cat-20260102-030405-2.png");
    }

    @Test
    void leavesPreviousFileIntactAndNoTemporaryFile_whenStreamFailsMidway() throws IOException {
        Path target = data.resolve("cat.png");
        Files.writeString(target, "old picture");

        assertThatThrownBy(() -> adapter().save(TestImages.failingAfter(TestImages.PNG), ImageTarget.at(target)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("connection reset");

        assertThat(target).hasContent("old picture");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void createsOwnerOnlyFilesAndFolders() throws IOException {
        Path saved = adapter().save(TestImages.stream(TestImages.PNG), ImageTarget.generated("cat"));
        Path explicit = adapter().save(TestImages.stream(TestImages.PNG), ImageTarget.at(data.resolve("a/b/c.png")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(images()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(explicit))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("a"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("a/b"))))
                .isEqualTo("rwx------");
    }
}
