package io.github.t3chat4j.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Long, realistic reply bodies for benchmarks and memory tests: answer text (mostly English words, with
 * accented letters, CJK and emoji mixed in, and paragraphs) cut into deltas of 3 to 8 characters, and
 * framed exactly as PROTOCOL.md 3a shows (the UI message stream) or 3b (the older data stream). The
 * same seed gives the same bytes.
 */
public final class ReplyStreams {

    private static final String[] WORDS = {"the", "stream", "of", "tokens", "arrives", "quickly", "and", "a",
        "client", "prints", "each", "piece", "as", "it", "comes", "model", "answer", "with", "code", "résumé",
        "naïve", "Grüße", "façade", "日本語", "你好", "😀", "🎉", "→", "données", "über", "`x`", "\"quoted\"",
        "back\\slash", "tab\there"};

    private ReplyStreams() {
    }

    /** About {@code textChars} characters of answer text cut into deltas of 3 to 8 characters each. */
    public static List<String> deltas(long seed, int textChars) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(textChars + 16);
        while (text.length() < textChars) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            int gap = random.nextInt(40);
            text.append(gap == 0 ? "\n\n" : gap == 1 ? ".\n" : gap == 2 ? ", " : " ");
        }
        List<String> deltas = new ArrayList<>(textChars / 5);
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + 3 + random.nextInt(6));
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            deltas.add(text.substring(start, end));
            start = end;
        }
        return deltas;
    }

    /** The answer text the deltas make up. */
    public static String text(List<String> deltas) {
        return String.join("", deltas);
    }

    /** The deltas as a whole UI message stream: start, one text part of every delta, finish and {@code [DONE]}. */
    public static byte[] uiMessageStream(List<String> deltas) {
        requireNonNull(deltas, "deltas == null");
        Out out = new Out(deltas.size() * 64);
        out.line("data: {\"type\":\"start\",\"messageId\":\"msg-bench\"}\n\n")
                .line("data: {\"type\":\"start-step\"}\n\n")
                .line("data: {\"type\":\"text-start\",\"id\":\"txt-0\"}\n\n");
        for (String delta : deltas) {
            out.line("data: {\"type\":\"text-delta\",\"id\":\"txt-0\",\"delta\":\"").json(delta).line("\"}\n\n");
        }
        return out.line("data: {\"type\":\"text-end\",\"id\":\"txt-0\"}\n\n")
                .line("data: {\"type\":\"finish-step\"}\n\n")
                .line("data: {\"type\":\"finish\",\"finishReason\":\"stop\"}\n\n")
                .line("data: [DONE]\n\n").bytes();
    }

    /** The deltas as a whole data stream: {@code f:}, one {@code 0:} part per delta, {@code e:} and {@code d:}. */
    public static byte[] dataStream(List<String> deltas) {
        requireNonNull(deltas, "deltas == null");
        Out out = new Out(deltas.size() * 16);
        out.line("f:{\"messageId\":\"msg-bench\"}\n");
        for (String delta : deltas) {
            out.line("0:\"").json(delta).line("\"\n");
        }
        return out.line("e:{\"finishReason\":\"stop\",\"isContinued\":false}\n")
                .line("d:{\"finishReason\":\"stop\"}\n").bytes();
    }

    /** A growing byte buffer with JSON string escaping. */
    private static final class Out {
        private final ByteArrayOutputStream bytes;

        Out(int size) {
            bytes = new ByteArrayOutputStream(size);
        }

        Out line(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Out json(String text) {
            bytes.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(text));
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
