package io.github.t3chat4j.adapter.http.internal.chat;

import io.github.t3chat4j.adapter.http.Wire;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static io.github.t3chat4j.adapter.http.Fixtures.reasoning;
import static io.github.t3chat4j.adapter.http.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.Fixtures;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.http.RawHttpServer;
import io.github.t3chat4j.adapter.http.internal.RecordingSleeper;
import io.github.t3chat4j.adapter.http.internal.TestPipeline;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.application.ChatRequest;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.domain.stream.ChatEvent.Finished;
import io.github.t3chat4j.domain.stream.ChatEvent.ImageGenerated;
import io.github.t3chat4j.domain.stream.ChatEvent.StreamError;
import io.github.t3chat4j.domain.stream.ChatEvent.TextDelta;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.testkit.FakeImageHost;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ParameterizedClass(name = "{0}")
@EnumSource(Wire.class)
class HttpChatAdapterTest {

    @Parameter
    Wire wire;

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeT3Server server;
    private TestPipeline pipeline;
    private RecordingSleeper sleeper;
    private HttpChatAdapter chat;

    @BeforeEach
    void start() {
        server = wire.start();
        pipeline = TestPipeline.of(wire.config(server));
        sleeper = pipeline.sleeper();
        chat = chatOver(pipeline);
    }

    @AfterEach
    void stop() {
        pipeline.close();
        server.close();
    }

    private static HttpChatAdapter chatOver(TestPipeline pipeline) {
        return new HttpChatAdapter(pipeline, pipeline.site(), new ObjectMapper());
    }

    @Test
    void sendsTheExactBodyOfTheProtocol() throws IOException {
        ChatRequest request = Fixtures.request();

        collect(request);

        JsonNode body = JSON.readTree(server.lastRequest("/api/chat").orElseThrow().body());
        String expected = """
                {"messages":[
                  {"id":"%s","parts":[{"type":"text","text":"Hi"}],"role":"user","attachments":[]},
                  {"id":"%s","parts":[{"type":"text","text":"Hello!"}],"role":"assistant","attachments":[]},
                  {"id":"%s","parts":[{"type":"text","text":"How are you?"}],"role":"user","attachments":[]}],
                 "threadMetadata":{"id":"thread-0001","title":""},
                 "clientAuth":{"isSignedIn":true},
                 "responseMessageId":"reply-0001",
                 "model":"gemini-2.5-flash",
                 "convexSessionId":"%s",
                 "modelParams":{"reasoningEffort":"high","includeSearch":true,"searchLimit":1},
                 "preferences":{"name":"","occupation":"","selectedTraits":[],"additionalInfo":"Be brief."},
                 "userConfiguration":{"codeFont":"berkeley",
                   "currentModelParameters":{"includeSearch":true,"reasoningEffort":"high"},
                   "currentlySelectedModel":"gemini-2.5-flash","favoriteModels":[],"hasMigrated":true,
                   "mainFont":"proxima","streamerMode":false,"theme":"dark"},
                 "userInfo":{"timezone":"Europe/Berlin","locale":"de-DE"},
                 "isEphemeral":false,
                 "hcaptchaToken":""}
                """.formatted(request.messages().get(0).id().value(), request.messages().get(1).id().value(),
                request.messages().get(2).id().value(), Fixtures.CONVEX_ID);
        assertThat(body).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void sendsCookieAndBrowserHeaders() {
        collect(Fixtures.request());

        RecordedRequest sent = server.lastRequest("/api/chat").orElseThrow();
        String origin = server.baseUrl().toString();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("cookie")).hasValue(Fixtures.COOKIE_HEADER);
        assertThat(sent.header("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(sent.header("accept")).hasValue("*/*");
        assertThat(sent.header("origin")).hasValue(origin);
        assertThat(sent.header("referer")).hasValue(origin + "/chat/thread-0001");
        assertThat(sent.header("user-agent")).hasValue(HttpConfig.DEFAULT_USER_AGENT);
        assertThat(sent.header("accept-language")).hasValue("de-DE,de;q=0.9");
        assertThat(sent.header("sec-fetch-mode")).hasValue("cors");
    }

    @Test
    void streamsTheEchoReply() {
        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(text(events)).isEqualTo("Echo(3): How are you?");
        assertThat(events).last().isEqualTo(new Finished("stop"));
    }

    @Test
    void decodesReasoningApartFromText() {
        server.enqueueChat(Scenarios.reasoning());

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(reasoning(events)).isEqualTo(Scenarios.REASONING_TEXT);
        assertThat(text(events)).isEqualTo(Scenarios.REASONING_ANSWER);
        int lastReasoning = -1;
        int firstText = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof ChatEvent.ReasoningDelta) {
                lastReasoning = i;
            } else if (firstText < 0 && events.get(i) instanceof TextDelta) {
                firstText = i;
            }
        }
        assertThat(lastReasoning).isLessThan(firstText);
    }

    @Test
    void decodesImageUrlOfASecondOrigin() {
        try (FakeImageHost host = FakeImageHost.start()) {
            server.enqueueChat(Scenarios.imageAt(host.imageUrl()));

            List<ChatEvent> events = collect(Fixtures.request());

            assertThat(events).containsExactly(new ImageGenerated(host.imageUrl().toString()), new Finished("tool-calls"));
        }
    }

    @Test
    void passesInlineImageThrough() {
        server.enqueueChat(Scenarios.inlineImage());

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(events).containsExactly(new ImageGenerated(Scenarios.TINY_PNG_DATA_URL), new Finished("tool-calls"));
    }

    @Test
    void decodesTheOlderDataStreamFormat() {
        server.enqueueChat(Scenarios.dataStream());

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(reasoning(events)).isEqualTo(Scenarios.DATA_STREAM_REASONING);
        assertThat(text(events)).isEqualTo(Scenarios.DATA_STREAM_TEXT);
        assertThat(events).filteredOn(Finished.class::isInstance).containsExactly(new Finished("stop"));
    }

    @Test
    void reportsInStreamError_afterTheTextBeforeIt() {
        server.enqueueChat(Scenarios.errorAfterText());

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(events).containsExactly(new TextDelta(Scenarios.PARTIAL_TEXT), new StreamError(Scenarios.ERROR_TEXT));
    }

    @Test
    void endsWithoutFinished_whenTheBodyIsTruncated() {
        server.enqueueChat(Scenarios.truncated());

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(events).containsExactly(new TextDelta(Scenarios.PARTIAL_TEXT));
    }

    @Test
    void keepsTheReply_whenOneLineIsInvalidJson() {
        server.enqueueChat(Scenarios.invalidJsonLine());

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(text(events)).isEqualTo(Scenarios.AROUND_INVALID_JSON);
        assertThat(events).last().isEqualTo(new Finished("stop"));
    }

    @Test
    void decodesUtf8CharactersSplitAcrossWrites() {
        server.enqueueChat(Scenarios.splitUtf8());

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(text(events)).isEqualTo(Scenarios.SPLIT_UTF8_TEXT);
    }

    @Test
    void streamsABigReply() {
        server.enqueueChat(Scenarios.big(3000));

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(events).hasSize(3001);
        assertThat(text(events)).isEqualTo(Scenarios.bigText(3000));
    }

    @Test
    void streamsASlowReply() {
        server.enqueueChat(Scenarios.slow(30));

        assertThat(text(collect(Fixtures.request()))).isEqualTo(Scenarios.SLOW_TEXT);
    }

    /**
     * The server writes the first delta, then blocks until the test opens the gate, which it does only
     * after receiving that delta. A client that buffered would wait for the server, which waits for the
     * client, until the server gives up (10 s) and ends the body without the rest, failing the assertion.
     */
    @Test
    void deliversADelta_beforeTheServerWritesTheNext() {
        CountDownLatch gate = new CountDownLatch(1);
        server.enqueueChat(Scenarios.gated(gate));

        try (ChatStream stream = chat.open(Fixtures.request())) {
            Iterator<ChatEvent> events = stream.events().iterator();

            ChatEvent first = events.next();

            assertThat(first).isEqualTo(new TextDelta(Scenarios.GATED_FIRST));
            assertThat(gate.getCount()).as("the server has not been allowed to write more").isEqualTo(1);
            gate.countDown();
            List<ChatEvent> rest = new ArrayList<>();
            events.forEachRemaining(rest::add);
            assertThat(rest).containsExactly(new TextDelta(Scenarios.GATED_REST), new Finished("stop"));
        }
    }

    @Test
    void cancelsTheExchange_whenClosedFromAnotherThread() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        server.enqueueChat(Scenarios.gated(gate));
        ChatStream stream = chat.open(Fixtures.request());
        List<ChatEvent> received = new CopyOnWriteArrayList<>();
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch readerDone = new CountDownLatch(1);
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                stream.events().forEach(event -> {
                    received.add(event);
                    firstArrived.countDown();
                });
            } catch (Throwable t) {
                readerFailure.set(t);
            } finally {
                readerDone.countDown();
            }
        });
        reader.start();
        assertThat(firstArrived.await(5, TimeUnit.SECONDS)).isTrue();

        stream.close();

        assertThat(readerDone.await(5, TimeUnit.SECONDS)).as("the blocked reader returned").isTrue();
        assertThat(readerFailure.get()).isNull();
        assertThat(received).containsExactly(new TextDelta(Scenarios.GATED_FIRST));
        gate.countDown();
    }

    @Test
    void honoursRetryAfter_when429() {
        server.enqueueChat(Scenarios.rateLimited(7));

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(text(events)).startsWith("Echo(");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(server.requests("/api/chat")).hasSize(2);
    }

    @Test
    void capsRetryAfter_atMaxBackoff() {
        server.enqueueChat(Scenarios.rateLimited(3600));

        collect(Fixtures.request());

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void retriesWithJitteredBackoff_when503() {
        server.enqueueChat(Scenarios.serviceUnavailable()).enqueueChat(Scenarios.serviceUnavailable());

        List<ChatEvent> events = collect(Fixtures.request());

        assertThat(text(events)).startsWith("Echo(");
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.waits().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void throwsRateLimited_whenRetriesAreExhausted() {
        for (int i = 0; i < 3; i++) {
            server.enqueueChat(Scenarios.rateLimited(2));
        }

        assertThatThrownBy(() -> chat.open(Fixtures.request()))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2)));
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(server.requests("/api/chat")).hasSize(3);
    }

    @Test
    void throwsServiceUnavailable_when5xxPersists() {
        for (int i = 0; i < 3; i++) {
            server.enqueueChat(Scenarios.serviceUnavailable());
        }

        assertThatThrownBy(() -> chat.open(Fixtures.request()))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }

    @Test
    void throwsSessionExpired_when401_withoutRetrying() {
        server.expireSessionUntilRefresh("rotated-token");

        assertThatThrownBy(() -> chat.open(Fixtures.request())).isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("401");
        assertThat(server.requests("/api/chat")).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void throwsSessionExpired_when403WithJson() {
        server.enqueueChat(exchange -> exchange.json(403, "{\"error\":\"Forbidden\"}"));

        assertThatThrownBy(() -> chat.open(Fixtures.request())).isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("403");
    }

    @Test
    void throwsBlockedByBotProtection_when403WithChallengePage() {
        server.enqueueChat(Scenarios.botChallenge());

        assertThatThrownBy(() -> chat.open(Fixtures.request()))
                .isInstanceOf(BlockedByBotProtectionException.class);
    }

    @Test
    void throwsUnexpectedResponse_namingRequestStatusAndServerMessage() {
        server.enqueueChat(exchange -> exchange.json(418, "{\"error\":\"I am a teapot\"}"));

        assertThatThrownBy(() -> chat.open(Fixtures.request()))
                .isInstanceOfSatisfying(UnexpectedResponseException.class, e -> assertThat(e.statusCode()).isEqualTo(418))
                .hasMessageContaining("POST /api/chat").hasMessageContaining("418").hasMessageContaining("I am a teapot");
    }

    @Test
    void neverRetries_afterTheStreamWasReturned() throws Exception {
        String response = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nx-vercel-ai-ui-message-stream: v1\r\n"
                + "transfer-encoding: chunked\r\n\r\n" + RawHttpServer.chunk("data: {\"type\":\"text-delta\",\"delta\":\"partial\"}\n\n");
        try (RawHttpServer raw = new RawHttpServer(response);
                TestPipeline overRaw = TestPipeline.of(Fixtures.config(raw.baseUrl()))) {
            ChatStream stream = chatOver(overRaw).open(Fixtures.request());
            Iterator<ChatEvent> events = stream.events().iterator();

            assertThat(events.next()).isEqualTo(new TextDelta("partial"));
            assertThatThrownBy(events::hasNext).isInstanceOf(TransportException.class)
                    .hasMessageContaining("Reading the reply of POST /api/chat");
            stream.close();
            assertThat(raw.connections()).isEqualTo(1);
            assertThat(overRaw.sleeper().waits()).isEmpty();
        }
    }

    @Test
    void retriesRefusedConnections_thenThrowsTransportException() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (TestPipeline refused = TestPipeline.of(Fixtures.config(URI.create("http://127.0.0.1:" + port)))) {

            assertThatThrownBy(() -> chatOver(refused).open(Fixtures.request())).isInstanceOf(TransportException.class)
                    .hasMessageContaining("Could not connect").hasMessageContaining("Check your network");
            assertThat(refused.sleeper().waits()).hasSize(2);
        }
    }

    @Test
    void throwsTransportException_whenTheStreamStaysSilentPastTheReadTimeout() throws IOException {
        CountDownLatch gate = new CountDownLatch(1);
        server.enqueueChat(Scenarios.gated(gate));
        try (TestPipeline impatient = TestPipeline.of(
                wire.config(server).withFirstByteTimeout(Duration.ofSeconds(2)));
                ChatStream stream = chatOver(impatient).open(Fixtures.request())) {
            Iterator<ChatEvent> events = stream.events().iterator();

            assertThat(events.next()).isEqualTo(new TextDelta(Scenarios.GATED_FIRST));
            assertThatThrownBy(events::hasNext).isInstanceOf(TransportException.class).hasMessageContaining("timed out");
        } finally {
            gate.countDown();
        }
    }

    @Test
    void doesNotFollowRedirects_ofTheChatEndpoint() {
        server.enqueueChat(exchange -> exchange.header("Location", "/login")
                .fixed(302, "text/html", "<html><head><title>Sign in</title></head></html>"));

        assertThatThrownBy(() -> chat.open(Fixtures.request()))
                .isInstanceOfSatisfying(UnexpectedResponseException.class, e -> assertThat(e.statusCode()).isEqualTo(302))
                .hasMessageContaining("Sign in");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void refusesToConsumeEventsTwice() {
        try (ChatStream stream = chat.open(Fixtures.request())) {
            stream.events();

            assertThatThrownBy(stream::events).isInstanceOf(IllegalStateException.class);
        }
    }

    private List<ChatEvent> collect(ChatRequest request) {
        try (ChatStream stream = chat.open(request)) {
            return stream.events().toList();
        }
    }
}
