package io.github.t3chat4j.testkit;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.ChatRequest;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.ChatTransport;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A chat transport for tests of code that embeds t3chat4j, with no server at all: each send gets the
 * next scripted answer, and every request is recorded. Give it to the builder, which then needs no
 * credentials since none are sent:
 *
 * <pre>{@code
 * ScriptedChatAdapter chat = new ScriptedChatAdapter().thenReply("Hello", "!");
 * T3Client client = T3Client.builder().chatTransport(chat).build();
 * client.send("hi");                      // "Hello!"
 * chat.requests().get(0).messages();      // what went out
 * }</pre>
 *
 * Thread-safe. When the script has run out, a send fails with an {@link IllegalStateException}.
 */
public final class ScriptedChatAdapter implements ChatTransport {

    private final Deque<Function<ChatRequest, ChatStream>> script = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();

    /** The next send answers with these text deltas, then {@code finish}. */
    public synchronized ScriptedChatAdapter thenReply(String... deltas) {
        List<ChatEvent> events = new ArrayList<>();
        for (String delta : deltas) {
            events.add(new ChatEvent.TextDelta(delta));
        }
        events.add(new ChatEvent.Finished("stop"));
        return thenEvents(events.toArray(ChatEvent[]::new));
    }

    /** The next send answers with exactly these events. */
    public synchronized ScriptedChatAdapter thenEvents(ChatEvent... events) {
        List<ChatEvent> copy = List.of(events);
        script.add(request -> ChatStream.of(copy.stream()));
        return this;
    }

    /** The next send fails before any event, as a refused request does. */
    public synchronized ScriptedChatAdapter thenFail(RuntimeException failure) {
        requireNonNull(failure, "failure == null");
        script.add(request -> {
            throw failure;
        });
        return this;
    }

    /** The next send answers with whatever {@code answer} makes of the request. */
    public synchronized ScriptedChatAdapter then(Function<ChatRequest, ChatStream> answer) {
        script.add(requireNonNull(answer, "answer == null"));
        return this;
    }

    @Override
    public ChatStream open(ChatRequest request) {
        Function<ChatRequest, ChatStream> next;
        synchronized (this) {
            requests.add(request);
            next = script.poll();
        }
        if (next == null) {
            throw new IllegalStateException("The script has no answer left for request " + requests.size() + ".");
        }
        return next.apply(request);
    }

    /** Every request received, oldest first. */
    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }
}
