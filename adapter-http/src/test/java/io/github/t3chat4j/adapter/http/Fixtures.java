package io.github.t3chat4j.adapter.http;

import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import io.github.t3chat4j.application.ChatRequest;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Test data: a session full of recognisable secrets, a configuration for loopback, a chat request. */
public final class Fixtures {

    public static final String WOS_SESSION = "wos-SECRET-4f1c9a7e";
    public static final String OTHER_COOKIE = "cf-SECRET-clearance-88d2";
    public static final String CONVEX_ID = "convex-SECRET-1b3d5f";
    public static final String COOKIE_HEADER = "wos-session=" + WOS_SESSION + "; cf_clearance=" + OTHER_COOKIE;
    public static final List<String> SECRETS = List.of(WOS_SESSION, OTHER_COOKIE, CONVEX_ID);

    private Fixtures() {
    }

    public static Session session() {
        return Session.of(COOKIE_HEADER, "\"" + CONVEX_ID + "\"");
    }

    public static HttpConfig config(URI baseUrl) {
        return HttpConfig.defaults(baseUrl).withConnectTimeout(Duration.ofSeconds(2))
                .withFirstByteTimeout(Duration.ofSeconds(10)).withMaxImageBytes(1024 * 1024);
    }

    public static ChatRequest request(Session session) {
        List<Message> history = List.of(Message.user("Hi"), Message.assistant("Hello!"), Message.user("How are you?"));
        ChatSettings settings = ChatSettings.defaults().withReasoningEffort(ReasoningEffort.HIGH).withSearch(true)
                .withSystemPrompt("Be brief.").withTimezone("Europe/Berlin").withLocale("de-DE");
        return ChatRequest.of(session, ThreadId.of("thread-0001"), history).withModel(ModelId.of("gemini-2.5-flash"))
                .withSettings(settings).withResponseMessageId(MessageId.of("reply-0001"));
    }

    public static ChatRequest request() {
        return request(session());
    }

    public static String text(List<ChatEvent> events) {
        return events.stream().filter(ChatEvent.TextDelta.class::isInstance).map(e -> ((ChatEvent.TextDelta) e).text())
                .collect(Collectors.joining());
    }

    public static String reasoning(List<ChatEvent> events) {
        return events.stream().filter(ChatEvent.ReasoningDelta.class::isInstance)
                .map(e -> ((ChatEvent.ReasoningDelta) e).text()).collect(Collectors.joining());
    }

    /** The HTTP adapters of {@code config}, opened as a client opens them: the caller closes them. */
    public static OpenedHttpAdapters open(HttpConfig config) {
        return (OpenedHttpAdapters) HttpAdapters.create(config).open();
    }

    /** {@code recipe}'s adapters, opened as a client opens them: the caller closes them. */
    public static OpenedHttpAdapters open(HttpAdapters recipe) {
        return (OpenedHttpAdapters) recipe.open();
    }

    /** Like {@link #open(HttpConfig)}, waiting through {@code sleeper} between retries. */
    public static OpenedHttpAdapters open(HttpConfig config, io.github.t3chat4j.adapter.http.internal.Sleeper sleeper) {
        return (OpenedHttpAdapters) HttpAdapters.create(config, sleeper).open();
    }

    /** An adapter set offering only {@code session}: given after the HTTP adapters, it replaces their renewal. */
    public static io.github.t3chat4j.application.DrivenAdapters sessions(
            io.github.t3chat4j.application.port.out.SessionPort session) {
        return new io.github.t3chat4j.application.DrivenAdapters() {
            @Override
            public java.util.Optional<io.github.t3chat4j.application.port.out.SessionPort> session() {
                return java.util.Optional.of(session);
            }
        };
    }

    /** An adapter set offering only {@code store} as the image store. */
    public static io.github.t3chat4j.application.DrivenAdapters imageStore(
            io.github.t3chat4j.application.port.out.SaveImagePort store) {
        return new io.github.t3chat4j.application.DrivenAdapters() {
            @Override
            public java.util.Optional<io.github.t3chat4j.application.port.out.SaveImagePort> imageStore() {
                return java.util.Optional.of(store);
            }
        };
    }
}
