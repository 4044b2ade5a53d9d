package io.github.t3chat4j.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link FakeT3Server} to run as a process, for the end-to-end benchmark ({@code benchmarks/e2e.sh}):
 * it answers a chat whose last message contains {@code long reply} with a recorded UI message stream of
 * about {@code --text-chars} characters (default 2,000,000) in 3-to-8-character deltas
 * ({@link ReplyStreams}), written as fast as the socket takes it, and every other chat at once with
 * {@link Scenarios#echo()}; one containing {@code slowly} gets four words 1.5 s apart, and the time each
 * was written (epoch milliseconds) goes to the file {@code <url-file>.sent}, one line per reply.
 * {@code GET /bench/requests} lists the requests received since the last such
 * call, by path. Writes its base URL (and the stream's size) to the file {@code --url-file} names, then
 * serves until the process is stopped. With {@code --tls} it also listens with TLS (HTTP/2 through ALPN,
 * the testkit's certificate), and writes that {@code https://} URL and the certificate's PEM file to
 * {@code <url-file>.tls} first.
 */
public final class LoopbackReplyServer {

    private LoopbackReplyServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int textChars = 2_000_000;
        Path urlFile = Path.of("loopback-reply-server.url");
        boolean tls = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--tls")) {
                tls = true;
            } else if (args[i].equals("--text-chars") && i + 1 < args.length) {
                textChars = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--url-file") && i + 1 < args.length) {
                urlFile = Path.of(args[++i]);
            }
        }
        List<String> deltas = ReplyStreams.deltas(1, textChars);
        byte[] body = ReplyStreams.uiMessageStream(deltas);
        ChatScenario longReply = Scenarios.recorded(body);
        ChatScenario echo = Scenarios.echo();
        Path sentFile = urlFile.resolveSibling(urlFile.getFileName() + ".sent");
        ChatScenario slowly = exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(Scenarios.start(exchange)).event(Scenarios.part("text-start", "txt-0"));
            StringBuilder sent = new StringBuilder();
            String[] words = {"one ", "word ", "at a ", "time"};
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    out.pause(1500);
                }
                out.event(Scenarios.textDelta("txt-0", words[i]));
                sent.append(System.currentTimeMillis()).append(i < words.length - 1 ? " " : "\n");
            }
            out.event(Scenarios.finish("stop")).done();
            Files.writeString(sentFile, sent, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        };
        try (FakeT3Server server = tls ? FakeT3Server.startSecure() : FakeT3Server.start()) {
            server.defaultChat(exchange -> {
                String text = exchange.lastUserText();
                (text.contains("long reply") ? longReply : text.contains("slowly") ? slowly : echo).respond(exchange);
            });
            server.route("/bench/requests", (exchange, request) -> {
                Map<String, Integer> counts = new TreeMap<>();
                server.requests().stream().filter(r -> !r.path().equals("/bench/requests"))
                        .forEach(r -> counts.merge(r.method() + " " + r.path(), 1, Integer::sum));
                server.reset();
                StringBuilder text = new StringBuilder();
                counts.forEach((path, n) -> text.append(n).append(' ').append(path).append('\n'));
                server.sendText(exchange, 200, "text/plain; charset=utf-8", text.toString());
            });
            if (tls) {
                Files.writeString(urlFile.resolveSibling(urlFile.getFileName() + ".tls"), server.baseUrl() + " "
                        + server.certificateFile() + "\n", StandardCharsets.UTF_8);
            }
            Path written = Files.writeString(urlFile.resolveSibling(urlFile.getFileName() + ".tmp"),
                    server.plainBaseUrl() + " " + deltas.size() + " deltas, " + body.length + " bytes\n",
                    StandardCharsets.UTF_8);
            Files.move(written, urlFile, StandardCopyOption.ATOMIC_MOVE);
            Thread.currentThread().join();
        }
    }
}
