package io.github.t3chat4j.adapter.http.internal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DevTools client over a pipe, against a scripted browser on the other end of two in-memory pipes:
 * messages framed by NUL bytes however the reads cut them, answers matched to commands by id in any
 * order, errors, events, the end of the pipe, and a message too big to hold.
 */
class CdpConnectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final PipedOutputStream browserWrites = new PipedOutputStream();
    private final PipedInputStream browserReads = new PipedInputStream(1 << 20);
    private CdpConnection cdp;

    @BeforeEach
    void connect() throws IOException {
        PipedInputStream clientReads = new PipedInputStream(browserWrites, 1 << 20);
        PipedOutputStream clientWrites = new PipedOutputStream(browserReads);
        cdp = CdpConnection.open(clientReads, clientWrites, JSON, 4096);
    }

    @AfterEach
    void close() {
        cdp.close();
    }

    @Test
    void matchesAnswersToCommandsByTheirIds_inWhateverOrderTheyCome() throws Exception {
        CompletableFuture<JsonNode> first = cdp.send(null, "Browser.getVersion", null);
        CompletableFuture<JsonNode> second = cdp.send("session-1", "Runtime.evaluate",
                cdp.params().put("expression", "1 + 1"));
        JsonNode one = command();
        JsonNode two = command();

        answer("{\"id\":" + two.get("id") + ",\"result\":{\"value\":2},\"sessionId\":\"session-1\"}");
        answer("{\"id\":" + one.get("id") + ",\"result\":{\"product\":\"Chrome/156\"}}");

        assertThat(one.path("method").asText()).isEqualTo("Browser.getVersion");
        assertThat(one.has("sessionId")).isFalse();
        assertThat(two.path("sessionId").asText()).isEqualTo("session-1");
        assertThat(two.path("params").path("expression").asText()).isEqualTo("1 + 1");
        assertThat(CdpConnection.await(second, "evaluate", WAIT).path("value").asInt()).isEqualTo(2);
        assertThat(CdpConnection.await(first, "version", WAIT).path("product").asText()).isEqualTo("Chrome/156");
    }

    @Test
    void readsEveryMessage_howeverTheReadsCutThem() throws Exception {
        List<String> payloads = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        cdp.on("Runtime.bindingCalled", (session, params) -> {
            payloads.add(session + ":" + params.path("payload").asText());
            three.countDown();
        });
        byte[] stream = ("{\"method\":\"Runtime.bindingCalled\",\"params\":{\"payload\":\"é€😀\"},\"sessionId\":\"s\"}\0"
                + "{\"method\":\"Runtime.bindingCalled\",\"params\":{\"payload\":\"two\"}}\0"
                + "{\"method\":\"Other.event\",\"params\":{}}\0"
                + "{\"method\":\"Runtime.bindingCalled\",\"params\":{\"payload\":\"three\"}}\0")
                .getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < stream.length; i += 7) {
            browserWrites.write(stream, i, Math.min(7, stream.length - i));
            browserWrites.flush();
        }

        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(payloads).containsExactly("s:é€😀", "null:two", "null:three");
    }

    @Test
    void failsTheCommand_thatTheBrowserRefuses() throws Exception {
        CompletableFuture<JsonNode> answer = cdp.send(null, "Page.navigate", cdp.params().put("url", "x"));
        answer("{\"id\":" + command().get("id") + ",\"error\":{\"code\":-32000,\"message\":\"Cannot navigate\"}}");

        assertThatThrownBy(() -> CdpConnection.await(answer, "navigate", WAIT)).isInstanceOf(CdpException.class)
                .hasMessageContaining("Cannot navigate");
        assertThat(cdp.isOpen()).isTrue();
    }

    @Test
    void keepsReading_whenAListenerThrows() throws Exception {
        CountDownLatch heard = new CountDownLatch(1);
        cdp.on("A.event", (session, params) -> {
            throw new IllegalStateException("a bug in one listener");
        });
        cdp.on("A.event", (session, params) -> heard.countDown());

        answer("{\"method\":\"A.event\",\"params\":{}}");

        assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<JsonNode> later = cdp.send(null, "B.command", null);
        answer("{\"id\":" + command().get("id") + ",\"result\":{}}");
        assertThat(CdpConnection.await(later, "B", WAIT).isObject()).isTrue();
    }

    @Test
    void failsEveryCommandUnderWay_andTellsItsListeners_whenThePipeEnds() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        cdp.onClose(ended::countDown);
        CompletableFuture<JsonNode> pending = cdp.send(null, "Browser.getVersion", null);

        browserWrites.close();

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> CdpConnection.await(pending, "version", WAIT)).isInstanceOf(CdpException.class)
                .hasMessageContaining("closed its end of the pipe");
        assertThat(cdp.isOpen()).isFalse();
        assertThat(cdp.send(null, "Anything", null)).isCompletedExceptionally();
        CountDownLatch late = new CountDownLatch(1);
        cdp.onClose(late::countDown);
        assertThat(late.getCount()).isZero();
    }

    @Test
    void endsTheConnection_atAMessageTooBigToHold() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        cdp.onClose(ended::countDown);

        browserWrites.write(("{\"method\":\"X\",\"params\":{\"big\":\"" + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        browserWrites.flush();

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cdp.isOpen()).isFalse();
    }

    @Test
    void givesUpWaiting_afterTheTimeout() {
        CompletableFuture<JsonNode> never = cdp.send(null, "Slow.command", null);

        assertThatThrownBy(() -> CdpConnection.await(never, "Slow.command", Duration.ofMillis(50)))
                .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("Slow.command");
    }

    /** The next command the client wrote, as the browser reads it. */
    private JsonNode command() throws IOException {
        return JSON.readTree(readUntilNul(browserReads));
    }

    private void answer(String message) throws IOException {
        OutputStream out = browserWrites;
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.flush();
    }

    private static byte[] readUntilNul(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        for (int b = in.read(); b > 0; b = in.read()) {
            message.write(b);
        }
        return message.toByteArray();
    }
}
