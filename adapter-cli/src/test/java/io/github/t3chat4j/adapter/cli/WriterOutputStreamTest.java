package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WriterOutputStreamTest {

    @Test
    void passesUtf8Text_evenWhenACharacterIsSplitAcrossFlushes() {
        StringWriter written = new StringWriter();
        WriterOutputStream out = new WriterOutputStream(new PrintWriter(written));
        byte[] bytes = "{\"text\":\"Grüße 😀 你好\"}\n".getBytes(StandardCharsets.UTF_8);
        int split = "{\"text\":\"Grüße ".getBytes(StandardCharsets.UTF_8).length + 2;   // inside the emoji

        out.write(bytes, 0, split);
        out.flush();
        assertThat(written.toString()).isEqualTo("{\"text\":\"Grüße ");
        out.write(bytes, split, bytes.length - split);
        out.flush();

        assertThat(written.toString()).isEqualTo("{\"text\":\"Grüße 😀 你好\"}\n");
    }
}
