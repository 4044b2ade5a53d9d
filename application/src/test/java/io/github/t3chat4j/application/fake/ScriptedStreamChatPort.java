package io.github.t3chat4j.application.fake;

import io.github.t3chat4j.application.ChatRequest;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.ChatTransport;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** A chat transport that answers each open with the next scripted outcome and records the requests. */
public final class ScriptedStreamChatPort implements ChatTransport {

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

    /**
     * The next open yields these events and then waits, as a server that has not sent more yet, until the
     * stream is closed (which ends it, as closing a socket ends a blocked read).
     */
    public ScriptedStreamChatPort thenEventsThenWait(ChatEvent... events) {
        script.add(r -> waiting(events));
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
    public synchronized ChatStream open(ChatRequest request) {
        requests.add(request);
        if (script.isEmpty()) {
            throw new AssertionError("No scripted answer left for " + request);
        }
        return script.poll().apply(request);
    }

    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized int closedStreams() {
        return closed;
    }

    private ChatStream waiting(ChatEvent... first) {
        java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
        Stream<ChatEvent> rest = Stream.generate(() -> {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new io.github.t3chat4j.application.error.TransportException("The stream was closed.", null);
        });
        Stream<ChatEvent> events = Stream.concat(Stream.of(first), rest);
        return new ChatStream() {
            @Override
            public Stream<ChatEvent> events() {
                return events;
            }

            private boolean done;

            @Override
            public void close() {
                synchronized (ScriptedStreamChatPort.this) {
                    if (!done) {
                        done = true;
                        closed++;
                    }
                }
                closing.countDown();
            }
        };
    }

    public ChatStream stream(Stream<ChatEvent> events) {
        return new ChatStream() {
            @Override
            public Stream<ChatEvent> events() {
                return events;
            }

            private boolean done;

            @Override
            public void close() {
                synchronized (ScriptedStreamChatPort.this) {
                    if (!done) {
                        done = true;
                        closed++;
                    }
                }
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
