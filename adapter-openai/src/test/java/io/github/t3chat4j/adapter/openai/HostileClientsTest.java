package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.models.Model;
import io.github.t3chat4j.testkit.EventStreamWriter;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that try to starve the gateway or hold on to it: idle connections by the hundred, a request
 * head dribbled one byte at a time, a streamed request abandoned while t3.chat is silent. The gateway
 * runs with its defaults; the {@code @Timeout}s only guard against a hang.
 */
class HostileClientsTest {

    private static final String STREAM_BODY = "{\"model\":\"gemini-2.5-flash-lite\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void servesAKeyedRequest_while140IdleConnectionsAreOpen() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start()) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 140; i++) {
                    idle.add(new Socket(InetAddress.getLoopbackAddress(), fixture.gateway.port()));
                }
                OpenAIClient openai = fixture.sdk();
                try {
                    List<Model> models = openai.models().list().data();

                    assertThat(models).extracting(Model::id).contains("gemini-2.5-flash-lite");
                } finally {
                    openai.close();
                }
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void closesAConnection_thatDribblesItsRequestHeadOneByteEveryTwoSeconds() throws Exception {
        try (GatewayFixture fixture = GatewayFixture.start();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.gateway.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread dribbler = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(2_000);
                        out.write('a');
                        out.flush();
                    }
                } catch (IOException | InterruptedException closed) {
                    // The gateway closed the connection (or the test is over).
                }
            });
            dribbler.setDaemon(true);
            dribbler.start();
            try {
                assertThat(readUntilClosed(socket.getInputStream())).doesNotContain("200 OK", "still open");
            } finally {
                dribbler.interrupt();
            }
        }
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void cancelsTheUpstreamRequestAtOnce_whenAStreamedClientLeavesWhileT3ChatIsSilent_andLogs499()
            throws Exception {
        cancelsTheUpstreamRequestAtOnce_whenTheClientLeavesWhileT3ChatIsSilent(true, "/v1/chat/completions", STREAM_BODY);
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void cancelsTheUpstreamRequestAtOnce_whenAStreamedResponsesClientLeaves_andLogs499() throws Exception {
        cancelsTheUpstreamRequestAtOnce_whenTheClientLeavesWhileT3ChatIsSilent(true, "/v1/responses",
                "{\"model\":\"gemini-2.5-flash-lite\",\"stream\":true,\"input\":\"hello\"}");
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void cancelsTheUpstreamRequestAtOnce_whenAClientWaitingForAWholeAnswerLeaves_andLogs499() throws Exception {
        cancelsTheUpstreamRequestAtOnce_whenTheClientLeavesWhileT3ChatIsSilent(false, "/v1/chat/completions",
                STREAM_BODY.replace("\"stream\":true", "\"stream\":false"));
    }

    static void cancelsTheUpstreamRequestAtOnce_whenTheClientLeavesWhileT3ChatIsSilent(boolean stream,
            String path, String body) throws Exception {
        CountDownLatch upstreamStarted = new CountDownLatch(1);
        CountDownLatch clientLeft = new CountDownLatch(1);
        CountDownLatch upstreamClosed = new CountDownLatch(1);
        try (GatewayFixture fixture = GatewayFixture.start()) {
            fixture.server.enqueueChat(exchange -> {
                EventStreamWriter out = exchange.startEventStream();
                out.event(Scenarios.start(exchange)).event(Scenarios.part("text-start", "txt-0"))
                        .event(Scenarios.textDelta("txt-0", "first "));
                upstreamStarted.countDown();
                // Silent from here until the test has seen the gateway give up on this reply.
                clientLeft.await(60, TimeUnit.SECONDS);
                try {
                    for (int i = 0; i < 200; i++) {
                        out.event(Scenarios.textDelta("txt-0", "late" + i + " ")).pause(20);
                    }
                } catch (IOException closedByTheGateway) {
                    upstreamClosed.countDown();
                }
            });
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.gateway.port())) {
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + GatewayFixture.KEY + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                if (stream) {
                    readUntil(socket.getInputStream(), "first ");
                } else {
                    assertThat(upstreamStarted.await(30, TimeUnit.SECONDS)).isTrue();
                }
            }

            // The upstream idle timeout is 60 s: the line comes before it only if the gateway noticed.
            assertThat(fixture.awaitLogLine("POST " + path + " 499", 30)).isTrue();
            clientLeft.countDown();
            assertThat(upstreamClosed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(fixture.log).noneMatch(line -> line.startsWith("POST " + path + " 200"));
            assertThat(fixture.gateway.inFlight()).isZero();
        }
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesAWrongKeyBeforeTheBodyArrives_andSaysTheConnectionCloses() throws Exception {
        // A client that sends its head, then its body later (as java.net.http does), and gets its 401 in
        // between: the gateway cannot reuse that connection, so it must say so, or the client's next
        // request goes into a closed connection ("header parser received no bytes").
        try (GatewayFixture fixture = GatewayFixture.start();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.gateway.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer wrong-"
                    + GatewayFixture.KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + STREAM_BODY.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = readUntilClosed(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("Connection: close")
                    .contains("invalid_api_key").doesNotContain("(still open after a minute)");
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[1024];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            return text + "(still open after a minute)";
        } catch (IOException reset) {
            // A reset is a close too.
        }
        return text.toString();
    }

    private static void readUntil(InputStream in, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (seen.indexOf(text) >= 0) {
                return;
            }
        }
        throw new IOException("the stream ended before '" + text + "'");
    }

}
