package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.testkit.EventStreamWriter;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Clients that go away, and a gateway that stops while replies stream. */
class GatewayLifecycleTest {

    private static final String STREAM_BODY = "{\"model\":\"gemini-2.5-flash-lite\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    /** An open streamed request on a raw socket, read line by line. */
    private static final class RawStream implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;

        RawStream(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + GatewayFixture.KEY + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + STREAM_BODY.length() + "\r\n\r\n" + STREAM_BODY)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads until a {@code data:} line containing {@code text}; returns it. */
        String readUntil(String text) throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data: ") && line.contains(text)) {
                    return line;
                }
            }
            throw new IOException("the stream ended before '" + text + "'");
        }

        /** Every {@code data:} line until the server closes. */
        List<String> rest() throws IOException {
            List<String> data = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    data.add(line.substring("data: ".length()));
                }
            }
            return data;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void cancelsTheUpstreamReply_whenTheClientGoesAwayMidStream() throws Exception {
        CountDownLatch upstreamClosed = new CountDownLatch(1);
        try (GatewayFixture fixture = GatewayFixture.start()) {
            fixture.server.enqueueChat(exchange -> {
                EventStreamWriter out = exchange.startEventStream();
                out.event(Scenarios.start(exchange)).event(Scenarios.part("text-start", "txt-0"));
                try {
                    for (int i = 0; i < 400; i++) {
                        out.event(Scenarios.textDelta("txt-0", "word" + i + " ")).pause(25);
                    }
                } catch (IOException closedByTheGateway) {
                    upstreamClosed.countDown();
                }
            });

            try (RawStream stream = new RawStream(fixture.gateway.port())) {
                stream.readUntil("word0");
            }

            assertThat(upstreamClosed.await(20, TimeUnit.SECONDS)).isTrue();
            waitForLogLine(fixture, " 499 ");
            assertThat(fixture.log).anyMatch(line -> line.startsWith("POST /v1/chat/completions 499"));
        }
    }

    @Test
    void endsAReplyStillStreamingWithAnErrorEvent_whenTheGraceIsOver() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        GatewayFixture fixture = GatewayFixture.start(config -> config.withShutdownGrace(Duration.ZERO));
        try {
            fixture.server.enqueueChat(Scenarios.gated(never));
            int port = fixture.gateway.port();
            try (RawStream stream = new RawStream(fixture.gateway.port())) {
                stream.readUntil(Scenarios.GATED_FIRST);

                CompletableFuture<Void> stopping = CompletableFuture.runAsync(fixture.gateway::close);
                List<String> rest = stream.rest();
                stopping.get(30, TimeUnit.SECONDS);

                assertThat(rest).isNotEmpty().doesNotContain("[DONE]");
                ObjectMapper json = new ObjectMapper();
                for (String data : rest) {
                    assertThat(json.readTree(data)).isNotNull();
                }
                assertThat(json.readTree(rest.get(rest.size() - 1)).at("/error/code").asText())
                        .isEqualTo("gateway_shutting_down");
                assertThat(rest).noneMatch(data -> data.contains("\"finish_reason\":\"stop\""));
            }
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);
        } finally {
            never.countDown();
            fixture.close();
        }
    }

    @Test
    void letsAReplyInFlightFinish_whenItEndsWithinTheGrace() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start()) {
            fixture.server.enqueueChat(Scenarios.slow(300));
            try (RawStream stream = new RawStream(fixture.gateway.port())) {
                stream.readUntil("slow");

                CompletableFuture<Void> stopping = CompletableFuture.runAsync(fixture.gateway::close);
                List<String> rest = stream.rest();
                stopping.get(30, TimeUnit.SECONDS);

                assertThat(rest).contains("[DONE]");
                assertThat(String.join("", rest)).contains("\"finish_reason\":\"stop\"");
            }
        }
    }

    @Test
    void usesACookieRotatedByOneRequest_inTheRequestsAfterIt() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start()) {
            fixture.server.rotateSessionOnRefresh("rotated-session-token");
            var openai = fixture.sdk();
            try {
                for (int i = 0; i < 3; i++) {
                    openai.chat().completions().create(com.openai.models.chat.completions.ChatCompletionCreateParams
                            .builder().model("gemini-2.5-flash-lite").addUserMessage("hi " + i).build());
                }
            } finally {
                openai.close();
            }

            assertThat(fixture.server.requests(io.github.t3chat4j.testkit.FakeT3Server.ACTIVE_SESSIONS_PATH)).hasSize(1);
            assertThat(fixture.server.requests("/api/chat")).hasSize(3)
                    .allSatisfy(r -> assertThat(r.cookie("wos-session")).hasValue("rotated-session-token"));
        }
    }

    private static void waitForLogLine(GatewayFixture fixture, String part) throws InterruptedException {
        for (int i = 0; i < 200 && fixture.log.stream().noneMatch(l -> l.contains(part)); i++) {
            Thread.sleep(50);
        }
    }
}
