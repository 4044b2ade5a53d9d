package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.ChatRequest;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.ChatTransport;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A scripted chat transport: each {@link #open} takes the next script (or replies "ok") and records the
 * request. A blocking script stops after its events until the stream is closed, as a slow reply would;
 * closing it (cancellation does, from another thread) ends it.
 */
final class FakeChatPort implements ChatTransport {

    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    /** Counted down when a blocking script has delivered its events and waits. */
    final CountDownLatch blocked = new CountDownLatch(1);
    private final Deque<Script> scripts = new ArrayDeque<>();

    private record Script(List<ChatEvent> events, boolean block, RuntimeException failure) {
    }

    /** The next reply: these text deltas, then {@code finish} with reason "stop". */
    FakeChatPort reply(String... texts) {
        List<ChatEvent> events = new ArrayList<>();
        for (String text : texts) {
            events.add(new ChatEvent.TextDelta(text));
        }
        events.add(new ChatEvent.Finished("stop"));
        return events(events);
    }

    FakeChatPort events(List<ChatEvent> events) {
        synchronized (scripts) {
            scripts.add(new Script(List.copyOf(events), false, null));
        }
        return this;
    }

    /** The next reply: these text deltas, then it waits until the stream is closed. */
    FakeChatPort replyThenBlock(String... texts) {
        List<ChatEvent> events = new ArrayList<>();
        for (String text : texts) {
            events.add(new ChatEvent.TextDelta(text));
        }
        synchronized (scripts) {
            scripts.add(new Script(events, true, null));
        }
        return this;
    }

    /** The next open throws {@code failure}. */
    FakeChatPort fail(RuntimeException failure) {
        synchronized (scripts) {
            scripts.add(new Script(List.of(), false, failure));
        }
        return this;
    }

    ChatRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public ChatStream open(ChatRequest request) {
        requests.add(request);
        Script script;
        synchronized (scripts) {
            script = scripts.isEmpty()
                    ? new Script(List.of(new ChatEvent.TextDelta("ok"), new ChatEvent.Finished("stop")), false, null)
                    : scripts.poll();
        }
        if (script.failure() != null) {
            throw script.failure();
        }
        return new Stream_(script);
    }

    private final class Stream_ implements ChatStream {
        private final Script script;
        private final CountDownLatch closed = new CountDownLatch(1);

        Stream_(Script script) {
            this.script = script;
        }

        @Override
        public Stream<ChatEvent> events() {
            Iterator<ChatEvent> iterator = new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    if (next < script.events().size()) {
                        return true;
                    }
                    if (script.block()) {
                        blocked.countDown();
                        try {
                            if (!closed.await(10, TimeUnit.SECONDS)) {
                                throw new AssertionError("the blocking stream was never closed");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return false;
                }

                @Override
                public ChatEvent next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return script.events().get(next++);
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
