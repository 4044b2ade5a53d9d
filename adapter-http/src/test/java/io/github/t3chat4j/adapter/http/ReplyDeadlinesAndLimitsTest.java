package io.github.t3chat4j.adapter.http;

import static io.github.t3chat4j.adapter.http.FaultServer.chunk;
import static io.github.t3chat4j.adapter.http.FaultServer.eventStreamHead;
import static io.github.t3chat4j.adapter.http.FaultServer.textDelta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.ReplyProtocolException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageStatus;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The deadlines and size limits of a reply (#11: nothing hangs, memory stays bounded), over real sockets
 * against a byte-level server: each ends the reply with a typed error that names the setting to raise,
 * and what arrived before is kept.
 */
class ReplyDeadlinesAndLimitsTest {

    /** Only the idle deadline can end a reply within a test's time: the total one is out of reach. */
    private static final UnaryOperator<HttpConfig> QUICK = config -> config
            .withIdleTimeout(Duration.ofMillis(400)).withTotalTimeout(Duration.ofMinutes(10));
    /** No deadline can end a reply within a test's time, however slow the machine: for the size limits. */
    private static final UnaryOperator<HttpConfig> PATIENT = config -> config
            .withIdleTimeout(Duration.ofMinutes(10)).withTotalTimeout(Duration.ofMinutes(10));

    private static T3Client client(FaultServer server, UnaryOperator<HttpConfig> limits, Duration firstByte) {
        HttpConfig config = limits.apply(Fixtures.config(server.baseUrl()).withMaxRetries(0)
                .withFirstByteTimeout(firstByte));
        return T3Client.builder().session(Fixtures.session())
                .adapters(HttpAdapters.create(config)).adapters(Fixtures.sessions(io.github.t3chat4j.application.port.out.SessionPort.NONE))
                .build();
    }

    private static void write(OutputStream out, byte[] bytes) throws java.io.IOException {
        out.write(bytes);
        out.flush();
    }

    @Test
    void endsAReplyThatOnlySendsKeepAlives_keepingWhatCameBefore() throws Exception {
        try (FaultServer server = new FaultServer(out -> {
            write(out, eventStreamHead());
            write(out, chunk(textDelta("Hello")));
            while (true) {
                write(out, chunk(": keep-alive\n\n"));
                Thread.sleep(50);
            }
        }); T3Client client = client(server, QUICK, Duration.ofSeconds(30))) {

            assertThatThrownBy(() -> client.send("hi"))
                    .isInstanceOfSatisfying(StreamInterruptedException.class, e -> {
                        assertThat(e.partialReply().text()).isEqualTo("Hello");
                        assertThat(e.getMessage()).contains("no reply data for 400 ms").contains("HttpConfig idleTimeout");
                    });
            assertThat(client.messages()).extracting(Message::status).last().isEqualTo(MessageStatus.INCOMPLETE);
        }
    }

    @Test
    void endsAReplyThatFallsSilentMidway() throws Exception {
        try (FaultServer server = new FaultServer(out -> {
            write(out, eventStreamHead());
            write(out, chunk(textDelta("par")));
            Thread.sleep(60_000);
        }); T3Client client = client(server, QUICK, Duration.ofSeconds(30))) {

            assertThatThrownBy(() -> client.send("hi")).isInstanceOf(StreamInterruptedException.class)
                    .hasMessageContaining("idle timeout");
        }
    }

    @Test
    void endsAReplyThatTakesTooLongInAll_thoughEventsKeepComing() throws Exception {
        try (FaultServer server = new FaultServer(out -> {
            write(out, eventStreamHead());
            for (int i = 0; i < 1000; i++) {
                write(out, chunk(textDelta("x")));
                Thread.sleep(20);
            }
        }); T3Client client = client(server, config -> PATIENT.apply(config).withTotalTimeout(Duration.ofMillis(600)),
                Duration.ofSeconds(30))) {

            assertThatThrownBy(() -> client.send("hi")).isInstanceOf(StreamInterruptedException.class)
                    .hasMessageContaining("longer than 600 ms in all").hasMessageContaining("ChatOptions.withTimeout");
        }
    }

    @Test
    void givesUpOnAServerThatNeverAnswers_withinTheFirstByteTimeout() throws Exception {
        try (FaultServer server = new FaultServer(out -> Thread.sleep(60_000));
                T3Client client = client(server, QUICK, Duration.ofMillis(400))) {

            assertThatThrownBy(() -> client.send("hi")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("timed out").hasMessageContaining("HttpConfig firstByteTimeout");
            assertThat(client.messages()).isEmpty();
        }
    }

    @Test
    void endsAFloodOfDeltasAtTheSizeLimit_keepingWhatCame() throws Exception {
        try (FaultServer server = new FaultServer(out -> {
            write(out, eventStreamHead());
            String burst = textDelta("flood").repeat(1000);
            while (true) {
                write(out, chunk(burst));
            }
        }); T3Client client = client(server, config -> PATIENT.apply(config).withMaxReplyBytes(1_000_000), Duration.ofSeconds(30))) {

            assertThatThrownBy(() -> client.send("hi"))
                    .isInstanceOfSatisfying(ReplyProtocolException.class, e -> {
                        assertThat(e.partialReply().text()).startsWith("floodflood");
                        assertThat(e.getMessage()).contains("larger than the limit of 1000000 bytes")
                                .contains("HttpConfig maxReplyBytes");
                    });
        }
    }

    @Test
    void endsAnEndlessLine_atTheLineLimit() throws Exception {
        byte[] endless = new byte[64 * 1024];
        Arrays.fill(endless, (byte) 'a');
        try (FaultServer server = new FaultServer(out -> {
            write(out, eventStreamHead());
            write(out, chunk(textDelta("before")));
            write(out, chunk("data: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\""));
            while (true) {
                write(out, chunk(new String(endless, StandardCharsets.US_ASCII)));
            }
        }); T3Client client = client(server, config -> PATIENT.apply(config).withMaxLineBytes(256 * 1024), Duration.ofSeconds(30))) {

            assertThatThrownBy(() -> client.send("hi"))
                    .isInstanceOfSatisfying(ReplyProtocolException.class, e -> {
                        assertThat(e.partialReply().text()).isEqualTo("before");
                        assertThat(e.getMessage()).contains("longer than the limit of 262144 bytes");
                    });
        }
    }

    @Test
    void takesOneLargeDeltaWithinTheLimits() throws Exception {
        String large = "z".repeat(10 * 1024 * 1024);
        try (FaultServer server = new FaultServer(out -> {
            write(out, eventStreamHead());
            write(out, chunk(textDelta(large)));
            write(out, chunk("data: {\"type\":\"finish\"}\n\ndata: [DONE]\n\n"));
            write(out, "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }); T3Client client = client(server, PATIENT, Duration.ofSeconds(30))) {

            assertThat(client.send("hi").text()).hasSize(large.length());
        }
    }

    @Test
    void callsAnHtmlPageAProtocolError_notACutOffReply() throws Exception {
        try (FaultServer server = new FaultServer(out -> write(out, ("HTTP/1.1 200 OK\r\nContent-Type: text/html;"
                + " charset=utf-8\r\nContent-Length: 29\r\n\r\n<html><body>Login</body></html>")
                .getBytes(StandardCharsets.US_ASCII)));
                T3Client client = client(server, PATIENT, Duration.ofSeconds(30))) {

            assertThatThrownBy(() -> client.send("hi")).isInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("HTML page");
            assertThat(client.messages()).isEmpty();
        }
    }

    @Test
    void givesUpConnecting_afterTheConnectTimeout_namingIt() throws Exception {
        // A listener that never accepts: once its queue is full, the kernel leaves further connections hanging.
        try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.List<java.net.Socket> queued = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket filler = new java.net.Socket();
                    try {
                        filler.connect(full.getLocalSocketAddress(), 200);
                        queued.add(filler);
                    } catch (java.io.IOException queueFull) {
                        filler.close();
                    }
                }
                HttpConfig config = Fixtures.config(java.net.URI.create("http://127.0.0.1:" + full.getLocalPort()))
                        .withMaxRetries(0).withConnectTimeout(Duration.ofMillis(300));
                try (T3Client client = T3Client.builder().session(Fixtures.session())
                        .adapters(HttpAdapters.create(config)).adapters(Fixtures.sessions(io.github.t3chat4j.application.port.out.SessionPort.NONE))
                        .build()) {

                    assertThatThrownBy(() -> client.send("hi")).isInstanceOf(TransportException.class)
                            .hasMessageContaining("Could not connect").hasMessageContaining("HttpConfig connectTimeout");
                }
            } finally {
                for (java.net.Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }
}
