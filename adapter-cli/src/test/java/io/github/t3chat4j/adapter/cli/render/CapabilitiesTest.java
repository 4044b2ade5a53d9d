package io.github.t3chat4j.adapter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void knowsTerminalsThatLinkAndCopy() {
        assertThat(Capabilities.detect(Map.of("TERM", "xterm-kitty"), true))
                .isEqualTo(new Capabilities(true, true, true));
        assertThat(Capabilities.detect(Map.of("TERM_PROGRAM", "WezTerm"), true).clipboard()).isTrue();
        assertThat(Capabilities.detect(Map.of("WT_SESSION", "1"), true).hyperlinks()).isTrue();
    }

    @Test
    void linksWithoutClipboard_inGnomeTerminalAndITerm() {
        assertThat(Capabilities.detect(Map.of("TERM", "xterm-256color", "VTE_VERSION", "7200"), true))
                .isEqualTo(new Capabilities(true, true, false));
        assertThat(Capabilities.detect(Map.of("TERM_PROGRAM", "iTerm.app"), true))
                .isEqualTo(new Capabilities(true, true, false));
    }

    @Test
    void assumesNeither_forAPlainXtermOrInsideTmux() {
        assertThat(Capabilities.detect(Map.of("TERM", "xterm-256color"), true))
                .isEqualTo(new Capabilities(true, false, false));
        assertThat(Capabilities.detect(Map.of("TERM", "tmux-256color", "TMUX", "/tmp/x", "KITTY_WINDOW_ID", "1"), true))
                .isEqualTo(new Capabilities(true, false, false));
    }

    @Test
    void environmentOverridesTheGuess() {
        assertThat(Capabilities.detect(Map.of("TERM", "xterm", "T3_HYPERLINKS", "1", "T3_CLIPBOARD", "true"), false))
                .isEqualTo(new Capabilities(false, true, true));
        assertThat(Capabilities.detect(Map.of("TERM", "xterm-kitty", "T3_HYPERLINKS", "false", "T3_CLIPBOARD", "no"), true))
                .isEqualTo(new Capabilities(true, false, false));
    }
}
