package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.render.Capabilities;
import io.github.t3chat4j.adapter.cli.render.ScreenModel;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownReplyRendererTest {

    private static final Capabilities COLOUR = new Capabilities(true, false, false);
    private static final MarkdownReplyRenderer.Screen SCREEN = new MarkdownReplyRenderer.Screen(40, 20);

    private final StringWriter written = new StringWriter();
    private final PrintWriter out = new PrintWriter(written);

    /** One event of each type that ends the reasoning, so that a new type must be added here. */
    static Stream<ChatEvent> endings() {
        return Stream.of(new ChatEvent.TextDelta("Answer."), new ChatEvent.ImageGenerated("https://example.com/a.png"),
                new ChatEvent.Finished("stop"), new ChatEvent.Aborted(), new ChatEvent.StreamError("boom"));
    }

    @Test
    void coversEveryEventType() {
        List<String> covered = Stream.concat(endings(), Stream.of(new ChatEvent.ReasoningDelta("r")))
                .map(event -> event.getClass().getSimpleName()).toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ChatEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    }

    @ParameterizedTest
    @MethodSource("endings")
    void rendersTheReasoningDimmed_andEndsIt_beforeWhatFollows(ChatEvent next) {
        MarkdownReplyRenderer renderer = new MarkdownReplyRenderer(out, out, true, COLOUR, SCREEN);

        renderer.render(new ChatEvent.ReasoningDelta("Think **hard**"));
        renderer.render(next);
        renderer.render(new ChatEvent.ReasoningDelta(" and late reasoning is not shown"));
        renderer.finish();

        List<String> screen = new ScreenModel(40, 20).apply(written.toString()).styled();
        assertThat(screen.get(0)).isEqualTo("{2}Think {1;2}hard");
        assertThat(String.join("\n", screen)).doesNotContain("late reasoning");
        if (next instanceof ChatEvent.TextDelta) {
            assertThat(screen).containsExactly("{2}Think {1;2}hard", "", "Answer.");
        } else {
            assertThat(screen).containsExactly("{2}Think {1;2}hard");
        }
    }

    @Test
    void dropsTheReasoning_withoutAPlaceForIt() {
        MarkdownReplyRenderer renderer = new MarkdownReplyRenderer(out, null, true, COLOUR, SCREEN);

        renderer.render(new ChatEvent.ReasoningDelta("hidden"));
        renderer.render(new ChatEvent.TextDelta("# Shown"));
        renderer.finish();

        assertThat(new ScreenModel(40, 20).apply(written.toString()).text()).containsExactly("# Shown");
    }
}
