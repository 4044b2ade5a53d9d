package io.github.t3chat4j.application.service;

import static io.github.t3chat4j.application.fixtures.Sessions.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.fake.ScriptedStreamChatPort;
import io.github.t3chat4j.application.port.in.Cancellation;
import io.github.t3chat4j.application.port.in.ChatEventListener;
import io.github.t3chat4j.application.port.in.SendMessageCommand;
import io.github.t3chat4j.application.port.in.SendMessageResult;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.session.SessionKeeper;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.thread.Conversation;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The relay tells a listener when it has caught up with a stream that waits, and only then. */
class SendMessageServiceCaughtUpTest {

    private final ScriptedStreamChatPort chat = new ScriptedStreamChatPort();
    private final SendMessageService service = new SendMessageService(chat,
            new SessionKeeper(aSession(), s -> Optional.empty(), SaveSessionPort.NONE, w -> { }),
            Clock.systemUTC());
    private final BlockingQueue<ChatEvent> arriving = new LinkedBlockingQueue<>();

    @Test
    void tellsTheListenerItCaughtUp_whileTheStreamWaits_neverDuringAnEventNorAfterTheSend() throws Exception {
        chat.then(request -> chat.stream(StreamSupport.stream(Spliterators.spliteratorUnknownSize(arrivals(),
                Spliterator.ORDERED), false)));
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch caughtUp = new CountDownLatch(1);
        AtomicBoolean inEvent = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        ChatEventListener listener = new ChatEventListener() {
            @Override
            public void onEvent(ChatEvent event) {
                inEvent.set(true);
                heard.add(event instanceof ChatEvent.TextDelta delta ? delta.text() : "finish");
                inEvent.set(false);
            }

            @Override
            public void onCaughtUp() {
                overlapped.compareAndSet(false, inEvent.get());
                heard.add("caught up");
                caughtUp.countDown();
            }
        };
        arriving.add(new ChatEvent.TextDelta("first"));

        CompletableFuture<SendMessageResult> sending = CompletableFuture.supplyAsync(() -> service.sendMessage(
                new SendMessageCommand(Conversation.start(ModelId.DEFAULT, ChatSettings.defaults(), Instant.EPOCH),
                        "hi", ModelId.DEFAULT, ChatSettings.defaults(), new Cancellation()), listener));
        assertThat(caughtUp.await(30, TimeUnit.SECONDS)).isTrue();
        arriving.add(new ChatEvent.TextDelta("second"));
        arriving.add(new ChatEvent.Finished("stop"));
        sending.get(30, TimeUnit.SECONDS);
        List<String> whenDone = List.copyOf(heard);
        Thread.sleep(20);

        assertThat(whenDone).startsWith("first", "caught up", "second").endsWith("finish");
        assertThat(whenDone.stream().filter("caught up"::equals)).hasSizeLessThanOrEqualTo(2);
        assertThat(heard).isEqualTo(whenDone);
        assertThat(overlapped).isFalse();
    }

    @Test
    void doesNotWatchAListener_thatIgnoresTheSignal() {
        ChatEventListener plain = event -> { };

        assertThat(SendMessageService.CaughtUpWatch.of(plain))
                .isSameAs(SendMessageService.CaughtUpWatch.of(ChatEventListener.NONE));
    }

    /** Events as they "arrive" on the queue; taking blocks like a read from the network. */
    private Iterator<ChatEvent> arrivals() {
        return new Iterator<>() {
            private ChatEvent next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = arriving.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return true;
            }

            @Override
            public ChatEvent next() {
                hasNext();
                ChatEvent event = next;
                next = null;
                return event;
            }
        };
    }
}
