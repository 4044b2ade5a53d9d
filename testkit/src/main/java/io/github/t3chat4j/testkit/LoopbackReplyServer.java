package io.github.t3chat4j.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link FakeT3Server} to run as a process, for the end-to-end benchmark ({@code benchmarks/e2e.sh}):
 * it answers a chat whose last message contains {@code long reply} with a recorded UI message stream of
 * about {@code --text-chars} characters (default 2,000,000) in 3-to-8-character deltas
 * ({@link ReplyStreams}), written as fast as the socket takes it, and every other chat at once with
 * {@link Scenarios#echo()}. {@code GET /bench/requests} lists the requests received since the last such
 * call, by path. Writes its base URL (and the stream's size) to the file {@code --url-file} names, then
 * serves until the process is stopped.
 */
public final class LoopbackReplyServer {

    private LoopbackReplyServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int textChars = 2_000_000;
        Path urlFile = Path.of("loopback-reply-server.url");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--text-chars")) {
                textChars = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--url-file")) {
                urlFile = Path.of(args[i + 1]);
            }
        }
        List<String> deltas = ReplyStreams.deltas(1, textChars);
        byte[] body = ReplyStreams.uiMessageStream(deltas);
        ChatScenario longReply = Scenarios.recorded(body);
        ChatScenario echo = Scenarios.echo();
        try (FakeT3Server server = FakeT3Server.start()) {
            server.defaultChat(exchange -> (exchange.lastUserText().contains("long reply") ? longReply : echo)
                    .respond(exchange));
            server.route("/bench/requests", (exchange, request) -> {
                Map<String, Integer> counts = new TreeMap<>();
                server.requests().stream().filter(r -> !r.path().equals("/bench/requests"))
                        .forEach(r -> counts.merge(r.method() + " " + r.path(), 1, Integer::sum));
                server.reset();
                StringBuilder text = new StringBuilder();
                counts.forEach((path, n) -> text.append(n).append(' ').append(path).append('\n'));
                server.sendText(exchange, 200, "text/plain; charset=utf-8", text.toString());
            });
            Path written = Files.writeString(urlFile.resolveSibling(urlFile.getFileName() + ".tmp"),
                    server.baseUrl() + " " + deltas.size() + " deltas, " + body.length + " bytes\n",
                    StandardCharsets.UTF_8);
            Files.move(written, urlFile, StandardCopyOption.ATOMIC_MOVE);
            Thread.currentThread().join();
        }
    }
}
