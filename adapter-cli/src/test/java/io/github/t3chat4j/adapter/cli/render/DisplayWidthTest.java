package io.github.t3chat4j.adapter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void countsAsciiAndLatinAsOneColumn() {
        assertThat(DisplayWidth.of("hello")).isEqualTo(5);
        assertThat(DisplayWidth.of("naïve café")).isEqualTo(10);
    }

    @Test
    void countsCjkHangulAndFullwidthAsTwoColumns() {
        assertThat(DisplayWidth.of("日本語")).isEqualTo(6);
        assertThat(DisplayWidth.of("항목")).isEqualTo(4);
        assertThat(DisplayWidth.of("ＡＢ")).isEqualTo(4);
        assertThat(DisplayWidth.of("，")).isEqualTo(2);
    }

    @Test
    void countsEmojiAsTwoColumns_andJoinedSequencesOnce() {
        assertThat(DisplayWidth.of("😀")).isEqualTo(2);
        assertThat(DisplayWidth.of("🚀x")).isEqualTo(3);
        assertThat(DisplayWidth.of("👨\u200D👩\u200D👧")).isEqualTo(2);
    }

    @Test
    void countsCombiningMarksAndControlsAsNothing() {
        assertThat(DisplayWidth.of("e\u0301")).isEqualTo(1);
        assertThat(DisplayWidth.of("a\u0007b")).isEqualTo(2);
        assertThat(DisplayWidth.of("\uFE0F")).isZero();
    }

    @Test
    void keepsBoxDrawingAndBulletsNarrow() {
        assertThat(DisplayWidth.of("╭─│•◦▪")).isEqualTo(6);
    }
}
