package io.github.t3chat4j.adapter.http.engines;

import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.http.Fixtures;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.port.out.FetchedImage;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.testkit.EventStreamWriter;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the pipeline promises, whatever engine sends the bytes: run against every engine and protocol
 * by the subclasses, over the fake t3.chat on loopback. If "swap the transport" holds, every test here
 * passes for each of them.
 */
abstract class EngineContractTest {

    private static final String SPLIT_TEXT = "é€😀 done";

    protected FakeT3Server server;
    protected OpenedHttpAdapters http;

    /** The server to run against: plain, or with TLS and HTTP/2. */
    abstract FakeT3Server startServer();

    /** The configuration of the engine under test against {@code server}. */
    abstract HttpConfig configure(HttpConfig config, FakeT3Server server);

    /** The protocol the requests must arrive over. */
    abstract String expectedProtocol();

    /** Where the engine finds the site: the server's own address, unless the engine maps a name to it. */
    URI site(FakeT3Server server) {
        return server.baseUrl();
    }

    /** The User-Agent the server must see: the configured one, unless the engine sends its own. */
    void assertUserAgent(String userAgent) {
        assertThat(userAgent).isEqualTo(HttpConfig.DEFAULT_USER_AGENT);
    }

    @BeforeEach
    void start() {
        server = startServer();
        http = Fixtures.open(config().withMaxRetries(0));
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    HttpConfig config() {
        return configure(Fixtures.config(site(server)), server);
    }

    @Test
    void arrivesOverTheExpectedProtocol_withTheRequestAsBuilt() {
        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            assertThat(Fixtures.text(stream.events().toList())).startsWith("Echo(3): How are you?");
        }

        RecordedRequest sent = server.lastRequest("/api/chat").orElseThrow();
        assertThat(sent.protocol()).isEqualTo(expectedProtocol());
        assertThat(sent.cookie("wos-session")).hasValue(Fixtures.WOS_SESSION);
        assertThat(sent.header("content-type")).hasValue("application/json");
        assertUserAgent(sent.header("user-agent").orElse(""));
        assertThat(sent.header("expect")).isEmpty();
        assertThat(sent.body()).contains("\"model\":\"gemini-2.5-flash\"");
    }

    @Test
    void saysTheNextEventIsAtHand_throughABurst_soAReaderFlushesOnlyAFewTimes() {
        int deltas = 2_000;
        server.enqueueChat(Scenarios.burst(deltas));
        int events = 0;
        int notReady = 0;

        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            var iterator = stream.events().iterator();
            while (true) {
                if (!stream.ready()) {
                    notReady++;
                }
                if (!iterator.hasNext()) {
                    break;
                }
                iterator.next();
                events++;
            }
        }

        assertThat(events).isEqualTo(deltas + 1);
        assertThat(notReady).as("pulls that would have waited, out of %d", events).isLessThan(deltas / 10);
    }

    @Test
    void saysTheNextEventIsNotHere_whileTheServerHoldsItBack() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        server.enqueueChat(Scenarios.gated(gate));

        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            var iterator = stream.events().iterator();
            ChatEvent event;
            do {
                event = iterator.next();
            } while (!(event instanceof ChatEvent.TextDelta));
            boolean readyWhileHeldBack = stream.ready();
            gate.countDown();
            List<ChatEvent> rest = new ArrayList<>();
            iterator.forEachRemaining(rest::add);

            assertThat(readyWhileHeldBack).isFalse();
            assertThat(rest).contains(new ChatEvent.TextDelta(Scenarios.GATED_REST));
            assertThat(stream.ready()).as("the end has been read").isTrue();
        }
    }

    @Test
    void deliversEachDelta_beforeTheServerWritesTheNext() throws Exception {
        CountDownLatch clientSawFirst = new CountDownLatch(1);
        AtomicBoolean serverWaitedInVain = new AtomicBoolean();
        server.enqueueChat(exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event("{\"type\":\"start\"}").event("{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"first \"}");
            serverWaitedInVain.set(!clientSawFirst.await(20, TimeUnit.SECONDS));
            out.event("{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"second\"}")
                    .event("{\"type\":\"finish\",\"finishReason\":\"stop\"}").done();
        });
        List<String> texts = new ArrayList<>();

        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            stream.events().forEach(event -> {
                if (event instanceof ChatEvent.TextDelta delta) {
                    texts.add(delta.text());
                    clientSawFirst.countDown();
                }
            });
        }

        assertThat(serverWaitedInVain).isFalse();
        assertThat(texts).containsExactly("first ", "second");
    }

    @Test
    void deliversASmallEvent_writtenLongAfterTheHead() throws Exception {
        // The server's sender has long gone idle when the event is written: it must still go out at once,
        // before the server writes anything more. The server records whether the client saw it in time
        // (null until it got that far: a scenario that failed early proves nothing).
        CountDownLatch clientSawIt = new CountDownLatch(1);
        AtomicReference<Boolean> seenBeforeTheNextWrite = new AtomicReference<>();
        server.enqueueChat(exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.pause(300);
            out.event("{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"late\"}");
            seenBeforeTheNextWrite.set(clientSawIt.await(5, TimeUnit.SECONDS));
            out.event("{\"type\":\"finish\",\"finishReason\":\"stop\"}").done();
        });
        List<ChatEvent> events = new ArrayList<>();

        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            stream.events().forEach(event -> {
                events.add(event);
                if (event instanceof ChatEvent.TextDelta) {
                    clientSawIt.countDown();
                }
            });
        }

        assertThat(events).containsExactly(new ChatEvent.TextDelta("late"), new ChatEvent.Finished("stop"));
        assertThat(seenBeforeTheNextWrite).hasValue(true);
    }

    @Test
    void joinsACharacter_splitAcrossWrites() {
        server.enqueueChat(exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            byte[] event = ("data: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"" + SPLIT_TEXT + "\"}\n\n")
                    .getBytes(StandardCharsets.UTF_8);
            int cut = indexOf(event, "€".getBytes(StandardCharsets.UTF_8)) + 1;
            int cut2 = indexOf(event, "😀".getBytes(StandardCharsets.UTF_8)) + 2;
            out.bytes(Arrays.copyOfRange(event, 0, cut)).pause(20);
            out.bytes(Arrays.copyOfRange(event, cut, cut2)).pause(20);
            out.bytes(Arrays.copyOfRange(event, cut2, event.length));
            out.event("{\"type\":\"finish\",\"finishReason\":\"stop\"}").done();
        });

        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            assertThat(Fixtures.text(stream.events().toList())).isEqualTo(SPLIT_TEXT);
        }
    }

    @Test
    void mapsEveryStatus_asThePipelineDefines() {
        assertThat(chatFailure(exchange -> exchange.json(401, "{\"error\":\"Unauthorized\"}")))
                .isInstanceOf(SessionExpiredException.class);
        assertThat(chatFailure(exchange -> exchange.json(403, "{\"error\":\"Forbidden\"}")))
                .isInstanceOf(SessionExpiredException.class);
        assertThat(chatFailure(Scenarios.botChallenge())).isInstanceOf(BlockedByBotProtectionException.class);
        assertThat(chatFailure(exchange -> exchange.header("Retry-After", "7").json(429, "{\"error\":\"slow\"}")))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(chatFailure(exchange -> exchange.json(503, "{\"error\":\"down\"}")))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(chatFailure(exchange -> exchange.json(418, "{\"error\":\"I am a teapot\"}")))
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("HTTP 418")
                .hasMessageContaining("I am a teapot");
    }

    @Test
    void readsTheRotatedSession_fromItsHeader() {
        server.rotateSessionOnRefresh("rotated-SECRET-77");

        assertThat(http.sessions().renewWosSession(Fixtures.session())).hasValue("rotated-SECRET-77");
        assertThat(http.sessions().renewWosSession(Fixtures.session())).isEmpty();
        assertThat(server.requests(FakeT3Server.ACTIVE_SESSIONS_PATH)).hasSize(2);
    }

    @Test
    void readsAccountData_overTrpc() {
        assertThat(http.accountReader().loadCustomerData(Fixtures.session()).balance().signum()).isPositive();
    }

    @Test
    void retriesAfterTheServersWait_beforeAnyReply() {
        try (OpenedHttpAdapters retrying = Fixtures.open(config().withMaxRetries(2))) {
            server.enqueueChat(exchange -> exchange.header("Retry-After", "0").json(503, "{\"error\":\"busy\"}"));
            server.enqueueChat(exchange -> exchange.header("Retry-After", "0").json(429, "{\"error\":\"slow\"}"));

            try (ChatStream stream = retrying.chat().open(Fixtures.request())) {
                assertThat(Fixtures.text(stream.events().toList())).startsWith("Echo(3)");
            }
        }

        assertThat(server.requests("/api/chat")).hasSize(3);
    }

    @Test
    void endsTheExchange_whenTheReaderCancels() throws Exception {
        CountDownLatch serverSawTheEnd = new CountDownLatch(1);
        server.enqueueChat(exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            try {
                for (int i = 0; i < 2_000; i++) {
                    out.event("{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"tick \"}").pause(10);
                }
            } catch (IOException gone) {
                serverSawTheEnd.countDown();
            }
        });

        ChatStream stream = http.chat().open(Fixtures.request());
        ChatEvent first = stream.events().filter(ChatEvent.TextDelta.class::isInstance).findFirst().orElseThrow();
        stream.close();

        assertThat(first).isEqualTo(new ChatEvent.TextDelta("tick "));
        assertThat(serverSawTheEnd.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void downloadsAnImage_withoutTheCookie_followingARedirect() throws IOException {
        byte[] png = png(3000);
        server.route("/img/cat.png", (exchange, request) -> {
            exchange.getResponseHeaders().set("content-type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        });
        server.route("/go", (exchange, request) -> {
            exchange.getResponseHeaders().set("location", "/img/cat.png");
            exchange.sendResponseHeaders(302, -1);
        });

        try (FetchedImage image = http.images().fetch(URI.create(site(server) + "/go"))) {
            assertThat(image.body().readAllBytes()).isEqualTo(png);
            assertThat(image.mediaType()).isEqualTo("image/png");
        }
        assertThat(server.requests("/img/cat.png")).singleElement()
                .satisfies(r -> assertThat(r.header("cookie")).isEmpty());
    }

    @Test
    void capsAnImage_thatIsDeclaredOrGrowsTooBig() {
        try (OpenedHttpAdapters capped = Fixtures.open(config().withMaxImageBytes(1000))) {
            server.route("/declared.png", (exchange, request) -> sendImage(exchange, 5000, false));
            server.route("/growing.png", (exchange, request) -> sendImage(exchange, 5000, true));

            assertThatThrownBy(() -> capped.images().fetch(URI.create(site(server) + "/declared.png")))
                    .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("over the limit");
            assertThatThrownBy(() -> {
                try (FetchedImage image = capped.images().fetch(URI.create(site(server) + "/growing.png"))) {
                    image.body().readAllBytes();
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void givesUp_whenTheAnswerDoesNotBegin_withinTheFirstByteTimeout() {
        CountDownLatch released = new CountDownLatch(1);
        server.enqueueChat(exchange -> {
            released.await(30, TimeUnit.SECONDS);
            Scenarios.echo().respond(exchange);
        });

        try (OpenedHttpAdapters impatient = Fixtures.open(config().withMaxRetries(0)
                .withFirstByteTimeout(Duration.ofMillis(500)))) {
            assertThatThrownBy(() -> impatient.chat().open(Fixtures.request())).isInstanceOf(TransportException.class)
                    .hasMessageContaining("timed out").hasMessageNotContaining(Fixtures.WOS_SESSION);
        } finally {
            released.countDown();
        }
    }

    @Test
    void endsAReply_thatFallsSilent_afterTheIdleTimeout_keepingWhatArrived() {
        CountDownLatch released = new CountDownLatch(1);
        server.enqueueChat(exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event("{\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"before the silence\"}");
            released.await(30, TimeUnit.SECONDS);
        });
        List<String> texts = new ArrayList<>();

        try (OpenedHttpAdapters idle = Fixtures.open(config().withIdleTimeout(Duration.ofMillis(500)));
                ChatStream stream = idle.chat().open(Fixtures.request())) {
            assertThatThrownBy(() -> stream.events().forEach(event -> {
                if (event instanceof ChatEvent.TextDelta delta) {
                    texts.add(delta.text());
                }
            })).isInstanceOf(TransportException.class).hasMessageContaining("idle timeout");
        } finally {
            released.countDown();
        }
        assertThat(texts).containsExactly("before the silence");
    }

    @Test
    void reportsAConnectionFailure_withoutStackTraceTalk() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        URI nowhere = URI.create(server.baseUrl().getScheme() + "://127.0.0.1:" + closedPort);

        try (OpenedHttpAdapters refused = Fixtures.open(configure(Fixtures.config(nowhere), server).withMaxRetries(0))) {
            assertThatThrownBy(() -> refused.sessions().renewWosSession(Fixtures.session()))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("Could not connect to " + nowhere.getScheme() + "://127.0.0.1:")
                    .hasMessageNotContaining(Fixtures.WOS_SESSION);
        }
    }

    private Throwable chatFailure(io.github.t3chat4j.testkit.ChatScenario scenario) {
        server.enqueueChat(scenario);
        try (ChatStream stream = http.chat().open(Fixtures.request())) {
            stream.events().forEach(e -> { });
            return null;
        } catch (RuntimeException e) {
            assertThat(e.getMessage()).doesNotContain(Fixtures.WOS_SESSION).doesNotContain(Fixtures.OTHER_COOKIE);
            return e;
        }
    }

    private static void sendImage(com.sun.net.httpserver.HttpExchange exchange, int size, boolean streamed)
            throws IOException {
        byte[] png = png(size);
        exchange.getResponseHeaders().set("content-type", "image/png");
        exchange.sendResponseHeaders(200, streamed ? 0 : png.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < png.length; i += 500) {
                out.write(png, i, Math.min(500, png.length - i));
                out.flush();
            }
        } catch (IOException clientStopped) {
            // The client stops reading past its cap.
        }
    }

    private static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        for (int i = magic.length; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

}
