package io.github.t3chat4j.benchmarks;

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
import io.github.t3chat4j.testkit.EventStreamWriter;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long a delta takes from the fake t3.chat's socket to the reader of the chat stream, with the JVM's
 * client and with the browser transport (a real headless Chromium), on loopback, in one JVM so both ends
 * read the same clock. The server writes the stream's head, pauses so the client is waiting, notes the
 * time, and writes one {@code text-delta}; the reader notes the time it gets the event. Also the time from
 * the request to the head of the answer, and what the browser's start (launch and loading the page) costs
 * once. Prints medians and the 90th percentile of each; the JIT is warmed up first.
 *
 * <pre>
 * mvn -q -B -Pbench -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.t3chat4j.benchmarks.FirstDeltaLatency [rounds] [browser]
 * </pre>
 */
public final class FirstDeltaLatency {

    private static final Session SESSION = Session.of("wos-session=bench", "bench-convex");

    private FirstDeltaLatency() {
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HTTP server would otherwise hold small writes back (Nagle), as a real server does not.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String browser = args.length > 1 ? args[1] : "chromium";
        AtomicLong written = new AtomicLong();
        try (FakeT3Server server = FakeT3Server.start()) {
            server.defaultChat(exchange -> {
                EventStreamWriter out = exchange.startEventStream();
                out.event("{\"type\":\"start\"}").pause(20);
                written.set(System.nanoTime());
                out.event("{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"first\"}")
                        .event("{\"type\":\"finish\",\"finishReason\":\"stop\"}").done();
            });
            HttpConfig base = HttpConfig.defaults(server.baseUrl()).withMaxRetries(0);
            System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s %9s %12s%n", "engine", "delta p50", "delta p90",
                    "head p50", "head p90", "first (ms)");
            run("java", base, rounds, written);
            run("browser", base.withTransport(HttpConfig.Transport.BROWSER)
                    .withBrowser(HttpConfig.Browser.DEFAULTS.withProgram(browser)), rounds, written);
        }
    }

    private static void run(String name, HttpConfig config, int rounds, AtomicLong written) {
        List<Long> deltas = new ArrayList<>();
        List<Long> heads = new ArrayList<>();
        long first;
        try (HttpAdapters http = HttpAdapters.create(config)) {
            long start = System.nanoTime();
            once(http, written, new ArrayList<>(), new ArrayList<>());
            first = System.nanoTime() - start;
            for (int i = 0; i < rounds; i++) {
                once(http, written, new ArrayList<>(), new ArrayList<>());
            }
            for (int i = 0; i < rounds; i++) {
                once(http, written, deltas, heads);
            }
        }
        System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s %9s %12.0f%n", name, micros(percentile(deltas, 50)),
                micros(percentile(deltas, 90)), micros(percentile(heads, 50)), micros(percentile(heads, 90)),
                first / 1e6);
    }

    private static void once(HttpAdapters http, AtomicLong written, List<Long> deltas, List<Long> heads) {
        ChatRequest request = new ChatRequest(SESSION, ThreadId.random(), List.of(Message.user("latency")),
                ModelId.DEFAULT, ChatSettings.defaults(), MessageId.random());
        long asked = System.nanoTime();
        try (ChatStream stream = http.chat().open(request)) {
            heads.add(System.nanoTime() - asked);
            Iterator<ChatEvent> events = stream.events().iterator();
            while (events.hasNext()) {
                if (events.next() instanceof ChatEvent.TextDelta) {
                    deltas.add(System.nanoTime() - written.get());
                }
            }
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
