package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.port.in.ChatEventListener;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRendererTest {

    /** What reached each stream, one entry per flush. */
    private final List<String> writes = new ArrayList<>();
    private final PrintWriter out = new PrintWriter(new Recorder("out"));
    private final PrintWriter err = new PrintWriter(new Recorder("err"));

    @Test
    void buffersDeltas_untilTheReplyHasCaughtUp() {
        EventRenderer renderer = new EventRenderer(out, null, false);
        ChatEventListener listener = renderer.listener(() -> { });

        for (int i = 0; i < 1000; i++) {
            listener.onEvent(new ChatEvent.TextDelta("w" + i + " "));
        }
        List<String> beforeCaughtUp = List.copyOf(writes);
        listener.onCaughtUp();

        assertThat(beforeCaughtUp).isEmpty();
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).startsWith("out:w0 w1 ").endsWith("w999 ");
    }

    @Test
    void flushesTheAnswerBeforeReasoningFollowsIt_andEndsWithANewline() {
        EventRenderer renderer = new EventRenderer(out, err, false);

        renderer.render(new ChatEvent.TextDelta("answer"));
        renderer.render(new ChatEvent.ReasoningDelta("thought"));
        renderer.render(new ChatEvent.TextDelta(" more"));
        renderer.finish();

        assertThat(writes).containsExactly("out:answer", "err:thought\n", "out: more\n");
    }

    /** Records what is flushed, prefixed with the stream's name. */
    private final class Recorder extends Writer {
        private final String name;
        private final StringBuilder pending = new StringBuilder();

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            pending.append(buffer, offset, length);
        }

        @Override
        public void flush() {
            if (pending.length() > 0) {
                writes.add(name + ":" + pending.toString().replace(System.lineSeparator(), "\n"));
                pending.setLength(0);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
