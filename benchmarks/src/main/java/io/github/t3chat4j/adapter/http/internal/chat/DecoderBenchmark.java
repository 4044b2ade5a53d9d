package io.github.t3chat4j.adapter.http.internal.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.testkit.ReplyStreams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The reply decoder on a realistic generated reply ({@link ReplyStreams}: 2,000,000 characters of answer
 * text with accented letters, CJK and emoji, in deltas of 3 to 8 characters), in both formats, next to a
 * newline scan of the same bytes read the same way (the floor: no decoder can frame lines faster). One
 * operation is one whole reply; {@link DecoderBenchmarks} turns that into MB/s, events/s and bytes
 * allocated per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DecoderBenchmark {

    static final List<String> DELTAS = ReplyStreams.deltas(1, 2_000_000);
    static final byte[] UI_MESSAGE_STREAM = ReplyStreams.uiMessageStream(DELTAS);
    static final byte[] DATA_STREAM = ReplyStreams.dataStream(DELTAS);

    private final ChatEventMapper mapper = new ChatEventMapper(new ObjectMapper());

    @Benchmark
    public int uiMessageStreamDecoder(Blackhole hole) {
        return decode(UI_MESSAGE_STREAM, StreamFormat.UI_MESSAGE_STREAM, hole);
    }

    @Benchmark
    public int uiMessageStreamNewlineScan() throws IOException {
        return newlines(UI_MESSAGE_STREAM);
    }

    @Benchmark
    public int dataStreamDecoder(Blackhole hole) {
        return decode(DATA_STREAM, StreamFormat.DATA_STREAM, hole);
    }

    @Benchmark
    public int dataStreamNewlineScan() throws IOException {
        return newlines(DATA_STREAM);
    }

    private int decode(byte[] body, StreamFormat format, Blackhole hole) {
        ChatEventDecoder decoder = new ChatEventDecoder(new ByteArrayInputStream(body), format, mapper);
        int events = 0;
        while (decoder.hasNext()) {
            ChatEvent event = decoder.next();
            hole.consume(event);
            events++;
        }
        if (events != DELTAS.size() + 1) {
            throw new IllegalStateException("decoded " + events + " events, expected " + (DELTAS.size() + 1));
        }
        return events;
    }

    /** Reads the body in the decoder's buffer size and counts line feeds: the least work a line framer does. */
    private static int newlines(byte[] body) throws IOException {
        InputStream in = new ByteArrayInputStream(body);
        byte[] buffer = new byte[16 * 1024];
        int lines = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }
}
