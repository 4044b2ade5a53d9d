package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopSequencesTest {

    @Test
    void letsTextThrough_holdingBackOnlyWhatCouldStartAStopSequence() {
        StopSequences stops = new StopSequences(List.of("END"));

        assertThat(stops.feed("hello E")).isEqualTo("hello ");
        assertThat(stops.feed("N")).isEmpty();
        assertThat(stops.feed("joy")).isEqualTo("ENjoy");
        assertThat(stops.flush()).isEmpty();
        assertThat(stops.matched()).isEmpty();
    }

    @Test
    void cutsAtTheFirstStopSequence_splitAcrossPieces_andDropsTheRest() {
        StopSequences stops = new StopSequences(List.of("\n\nHuman:", "STOP"));

        assertThat(stops.feed("one\n\nHu")).isEqualTo("one");
        assertThat(stops.feed("man: more STOP")).isEmpty();
        assertThat(stops.feed("after")).isEmpty();
        assertThat(stops.flush()).isEmpty();
        assertThat(stops.matched()).contains("\n\nHuman:");
    }

    @Test
    void givesBackWhatItHeld_whenTheAnswerEndsWithoutAStop() {
        StopSequences stops = new StopSequences(List.of("STOP"));

        assertThat(stops.feed("almost ST")).isEqualTo("almost ");
        assertThat(stops.flush()).isEqualTo("ST");
    }

    @Test
    void passesEverything_withoutStopSequences() {
        StopSequences stops = new StopSequences(List.of());

        assertThat(stops.feed("anything at all")).isEqualTo("anything at all");
        assertThat(stops.flush()).isEmpty();
    }
}
