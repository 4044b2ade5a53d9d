package io.github.t3chat4j.adapter.http.internal.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.port.out.ChatRequest;
import io.github.t3chat4j.application.port.out.ChatStream;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.thread.ThreadId;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark main, not a test: measures the reply-stream decoder on an in-memory body, and a whole
 * chat reply over loopback against {@link FakeT3Server}, and prints the figures. Run it with
 * {@code mvn -q -B -pl adapter-http -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.t3chat4j.adapter.http.StreamBenchmark} (see the README).
 */
public final class StreamBenchmark {

    private static final int DELTAS = 200_000;
    private static final int WARMUP = 3;
    private static final int RUNS = 5;

    private StreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        byte[] body = sseBody(DELTAS);
        ChatEventMapper mapper = new ChatEventMapper(new ObjectMapper());
        out.printf(Locale.ROOT, "decoder: %d deltas, %.1f MiB body%n", DELTAS, body.length / 1048576.0);
        for (int i = 0; i < WARMUP; i++) {
            decode(body, mapper);
        }
        double best = Double.MAX_VALUE;
        double total = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            int events = decode(body, mapper);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (events != DELTAS + 1) {
                throw new IllegalStateException("decoded " + events + " events, expected " + (DELTAS + 1));
            }
            best = Math.min(best, seconds);
            total += seconds;
        }
        double mean = total / RUNS;
        out.printf(Locale.ROOT, "decoder: mean %.3f s, best %.3f s per run; %.1f MiB/s, %.0f events/s (mean)%n",
                mean, best, body.length / 1048576.0 / mean, DELTAS / mean);

        try (FakeT3Server server = FakeT3Server.start();
                HttpAdapters http = HttpAdapters.create(HttpConfig.defaults(server.baseUrl()))) {
            server.defaultChat(Scenarios.big(20_000));
            for (int i = 0; i < WARMUP; i++) {
                overLoopback(http);
            }
            double[] firstAndTotal = new double[2];
            for (int i = 0; i < RUNS; i++) {
                double[] run = overLoopback(http);
                firstAndTotal[0] += run[0];
                firstAndTotal[1] += run[1];
            }
            out.printf(Locale.ROOT, "loopback chat: 20000 deltas, each its own chunk; first delta after %.2f ms,"
                    + " whole reply %.1f ms, %.0f deltas/s (means of %d runs)%n", firstAndTotal[0] / RUNS * 1000,
                    firstAndTotal[1] / RUNS * 1000, 20_000 / (firstAndTotal[1] / RUNS), RUNS);
        }
    }

    private static int decode(byte[] body, ChatEventMapper mapper) {
        ChatEventDecoder decoder = new ChatEventDecoder(
                new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8),
                StreamFormat.UI_MESSAGE_STREAM, mapper);
        int events = 0;
        while (decoder.hasNext()) {
            decoder.next();
            events++;
        }
        return events;
    }

    private static double[] overLoopback(HttpAdapters http) {
        ChatRequest request = new ChatRequest(Session.of("wos-session=bench", "bench"), ThreadId.random(),
                List.of(Message.user("benchmark")), ModelId.DEFAULT, ChatSettings.defaults(), MessageId.random());
        long start = System.nanoTime();
        double first = -1;
        int deltas = 0;
        try (ChatStream stream = http.chat().open(request)) {
            Iterator<ChatEvent> events = stream.events().iterator();
            while (events.hasNext()) {
                if (events.next() instanceof ChatEvent.TextDelta) {
                    if (first < 0) {
                        first = (System.nanoTime() - start) / 1e9;
                    }
                    deltas++;
                }
            }
        }
        if (deltas != 20_000) {
            throw new IllegalStateException("got " + deltas + " deltas");
        }
        return new double[] {first, (System.nanoTime() - start) / 1e9};
    }

    private static byte[] sseBody(int deltas) {
        StringBuilder sse = new StringBuilder();
        sse.append("data: {\"type\":\"start\",\"messageId\":\"m\"}\n\n");
        for (int i = 0; i < deltas; i++) {
            sse.append("data: {\"type\":\"text-delta\",\"id\":\"txt-0\",\"delta\":\"word ").append(i)
                    .append(i % 10 == 0 ? " 😀 你好" : "").append(" \"}\n\n");
        }
        sse.append("data: {\"type\":\"finish\",\"finishReason\":\"stop\"}\n\ndata: [DONE]\n\n");
        return sse.toString().getBytes(StandardCharsets.UTF_8);
    }
}
