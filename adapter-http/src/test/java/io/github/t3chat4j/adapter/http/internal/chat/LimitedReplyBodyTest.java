package io.github.t3chat4j.adapter.http.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The two limits of a reply body, whatever the sizes of the reads that cross them. */
class LimitedReplyBodyTest {

    private static InputStream body(String text, long maxBytes, int maxLineBytes) {
        return new LimitedReplyBody(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes,
                maxLineBytes);
    }

    /** Reads everything in reads of {@code chunk} bytes. */
    private static int drain(InputStream in, int chunk) throws IOException {
        byte[] buffer = new byte[chunk];
        int total = 0;
        for (int n; (n = in.read(buffer, 0, chunk)) >= 0; ) {
            total += n;
        }
        return total;
    }

    @Test
    void passesLinesUpToTheLimit_inReadsOfAnySize() throws IOException {
        String text = "aaaa\nbbbb\r\ncccc\n".repeat(50);
        for (int chunk : new int[] {1, 3, 4, 5, 7, 64, 4096}) {
            assertThat(drain(body(text, 10_000, 4), chunk)).as("reads of %d", chunk).isEqualTo(text.length());
        }
    }

    @Test
    void failsOnALineLongerThanTheLimit_whetherItCrossesReadsOrNot() {
        String text = "ok\n" + "x".repeat(10) + "\nok\n";
        for (int chunk : new int[] {1, 2, 5, 6, 64}) {
            assertThatThrownBy(() -> drain(body(text, 10_000, 6), chunk)).as("reads of %d", chunk)
                    .isInstanceOf(LimitedReplyBody.LimitExceeded.class).hasMessageContaining("line");
        }
    }

    @Test
    void countsTheOpenLineFromTheLastBreakOfARead() {
        // Each read ends with five bytes of a line that goes on in the next: 5 + 5 > 8.
        String text = "abc\n12345" + "67890\n";
        assertThatThrownBy(() -> drain(body(text, 10_000, 8), 9))
                .isInstanceOf(LimitedReplyBody.LimitExceeded.class);
    }

    @Test
    void failsPastTheTotalLimit_readByByteOrInBulk() {
        String text = "a\n".repeat(100);
        assertThatThrownBy(() -> drain(body(text, 150, 10), 64)).hasMessageContaining("larger than the limit of 150");
        assertThatThrownBy(() -> {
            InputStream in = body(text, 150, 10);
            while (in.read() >= 0) {
                // one byte at a time
            }
        }).hasMessageContaining("larger than the limit of 150");
        assertThat(text.length()).isGreaterThan(150);
    }
}
