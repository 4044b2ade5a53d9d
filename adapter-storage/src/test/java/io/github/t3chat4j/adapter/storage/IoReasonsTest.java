package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class IoReasonsTest {

    @Test
    void saysWhatTheTypeMeans_whenTheMessageIsOnlyAPath() {
        assertThat(IoReasons.of(new AccessDeniedException("/data/.doc.json.123.tmp"))).isEqualTo("Permission denied");
        assertThat(IoReasons.of(new NoSuchFileException("/data/doc.json"))).isEqualTo("No such file or directory");
        assertThat(IoReasons.of(new NotDirectoryException("/data/blocker"))).isEqualTo("Not a directory");
    }

    @Test
    void usesTheReasonTheFileSystemGave_withoutItsPaths() {
        FileSystemException full = new FileSystemException("/data/.doc.json.1.tmp", "/data/doc.json",
                "No space left on device");

        assertThat(IoReasons.of(full)).isEqualTo("No space left on device");
    }

    @Test
    void usesTheFirstLineOfAPlainMessage_orTheTypeWhenThereIsNone() {
        assertThat(IoReasons.of(new IOException("Input/output error\nmore detail"))).isEqualTo("Input/output error");
        assertThat(IoReasons.of(new IOException())).isEqualTo("IOException");
    }

    @Test
    void namesTheTypeOfAnUnexplainedFileSystemFailure() {
        assertThat(IoReasons.of(new FileSystemException("/data/doc.json")))
                .isEqualTo("file system error (FileSystemException)");
    }
}
