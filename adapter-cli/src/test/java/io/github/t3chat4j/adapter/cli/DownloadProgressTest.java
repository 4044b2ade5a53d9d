package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DownloadProgressTest {

    @Test
    void rewritesOneLine_andEndsItWithTheTotal() {
        StringWriter text = new StringWriter();
        DownloadProgress progress = new DownloadProgress(new PrintWriter(text));

        for (long read = 8192; read <= 3 * 1024 * 1024; read += 8192) {
            progress.onProgress(read, 3 * 1024 * 1024);
        }
        progress.finish();

        String[] updates = text.toString().split("\r");
        assertThat(updates.length).isBetween(40, 60);
        assertThat(text.toString()).contains("3.0 MB of 3.0 MB (100%)").endsWith(System.lineSeparator());
    }

    @Test
    void showsBytesOnly_whenTheTotalIsUnknown() {
        StringWriter text = new StringWriter();
        DownloadProgress progress = new DownloadProgress(new PrintWriter(text));

        progress.onProgress(500, -1);

        assertThat(text.toString()).contains("500 B").doesNotContain(" of ");
    }
}
