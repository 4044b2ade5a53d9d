package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventRendererTest {

    /** What reached each stream, one entry per flush. */
    private final List<String> writes = new ArrayList<>();
    private final PrintWriter out = new PrintWriter(new Recorder("out"));
    private final PrintWriter err = new PrintWriter(new Recorder("err"));

    @Test
    void buffersDeltas_andFlushesOnlyWhenTheNextEventHasNotArrivedYet() {
        EventRenderer renderer = new EventRenderer(out, null, false);
        // 1000 deltas that arrive in two bursts: the 500th is not yet there when the 499th has been shown.
        T3Client client = T3Client.builder().chatTransport(request -> new Bursts(1000, Set.of(500))).build();
        List<Integer> writesBeforeEachEvent = new ArrayList<>();

        try (ReplyStream reply = client.stream("hi")) {
            renderer.render(reply, () -> writesBeforeEachEvent.add(writes.size()));
        }
        renderer.finish();

        assertThat(writes).hasSize(2);
        assertThat(writes.get(0)).startsWith("out:w0 w1 ").endsWith("w499 ");
        assertThat(writes.get(1)).startsWith("out:w500 ").endsWith("w999 \n");
        assertThat(writesBeforeEachEvent.get(499)).isZero();
        assertThat(writesBeforeEachEvent.get(500)).as("the first burst shown before waiting for the second").isOne();
    }

    /** Text deltas, then a finish, as a transport delivers them: not ready at the given positions and at the end. */
    private static final class Bursts implements ChatStream {
        private final int deltas;
        private final Set<Integer> gaps;
        private int next;

        Bursts(int deltas, Set<Integer> gaps) {
            this.deltas = deltas;
            this.gaps = gaps;
        }

        @Override
        public Stream<ChatEvent> events() {
            return Stream.generate(() -> {
                int at = next++;
                return at < deltas ? (ChatEvent) new ChatEvent.TextDelta("w" + at + " ") : new ChatEvent.Finished("stop");
            }).limit(deltas + 1L);
        }

        @Override
        public boolean ready() {
            return next <= deltas && !gaps.contains(next);
        }

        @Override
        public void close() {
        }
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
