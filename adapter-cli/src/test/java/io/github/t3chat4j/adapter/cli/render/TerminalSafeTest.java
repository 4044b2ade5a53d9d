package io.github.t3chat4j.adapter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalSafeTest {

    @Test
    void showsEscapeSequencesInsteadOfObeyingThem() {
        String retitle = "\u001b]0;pwned\u0007";
        String recolour = "\u001b[31mred\u001b[0m";

        assertThat(TerminalSafe.text(retitle + "ok")).isEqualTo("\u241b]0;pwned\u2407ok").doesNotContain("\u001b");
        assertThat(TerminalSafe.text(recolour)).isEqualTo("\u241b[31mred\u241b[0m");
        assertThat(TerminalSafe.text("c1 \u009b2J")).isEqualTo("c1 \uFFFD2J");
    }

    @Test
    void keepsOrdinaryTextLineBreaksTabsAndWideCharacters_asTheSameString() {
        String text = "line one\n\tindented — 世界 🌍";

        assertThat(TerminalSafe.text(text)).isSameAs(text);
        assertThat(TerminalSafe.text("a\r\nb\rc")).isEqualTo("a\nb\u240dc");
    }

    @Test
    void laysTabsOutForTheRenderer_underTheSameRuleForEveryOtherControl() {
        String text = "a\tb\r\n\tc\rd\u001b[2J";

        assertThat(TerminalSafe.laidOut(text)).isEqualTo("a   b\n    c\u240dd\u241b[2J");
        assertThat(TerminalSafe.text(text)).isEqualTo("a\tb\n\tc\u240dd\u241b[2J");
        assertThat(TerminalSafe.laidOut("plain")).isSameAs("plain");
    }
}
