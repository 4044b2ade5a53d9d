package io.github.t3chat4j.application.fake;

import io.github.t3chat4j.application.port.out.ChatRequest;
import io.github.t3chat4j.application.port.out.ChatStream;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** A chat transport that answers each open with the next scripted outcome and records the requests. */
public final class ScriptedStreamChatPort implements StreamChatPort {

    private final Deque<Function<ChatRequest, ChatStream>> script = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private int closed;

    /** The next open yields these events and then ends. */
    public ScriptedStreamChatPort thenEvents(ChatEvent... events) {
        script.add(r -> stream(Stream.of(events)));
        return this;
    }

    /** The next open yields these events and then fails the way a broken connection does. */
    public ScriptedStreamChatPort thenEventsThenFailure(RuntimeException failure, ChatEvent... events) {
        script.add(r -> stream(Stream.concat(Stream.of(events), Stream.<ChatEvent>generate(() -> {
            throw failure;
        }))));
        return this;
    }

    /** The next open throws. */
    public ScriptedStreamChatPort thenThrow(RuntimeException failure) {
        script.add(r -> {
            throw failure;
        });
        return this;
    }

    /** The next open answers with a stream built from the request. */
    public ScriptedStreamChatPort then(Function<ChatRequest, ChatStream> answer) {
        script.add(answer);
        return this;
    }

    @Override
    public ChatStream open(ChatRequest request) {
        requests.add(request);
        if (script.isEmpty()) {
            throw new AssertionError("No scripted answer left for " + request);
        }
        return script.poll().apply(request);
    }

    public List<ChatRequest> requests() {
        return requests;
    }

    public int closedStreams() {
        return closed;
    }

    public ChatStream stream(Stream<ChatEvent> events) {
        return new ChatStream() {
            @Override
            public Stream<ChatEvent> events() {
                return events;
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }

    /** Text deltas and a finish. */
    public static ChatEvent[] reply(String... deltas) {
        ChatEvent[] events = new ChatEvent[deltas.length + 1];
        for (int i = 0; i < deltas.length; i++) {
            events[i] = new ChatEvent.TextDelta(deltas[i]);
        }
        events[deltas.length] = new ChatEvent.Finished("stop");
        return events;
    }
}
