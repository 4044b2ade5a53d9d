package io.github.t3chat4j.adapter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClipboardTest {

    @Test
    void encodesTheTextAsAnOsc52Sequence() {
        assertThat(Clipboard.osc52("héllo")).isEqualTo("\u001b]52;c;aMOpbGxv\u0007");
    }

    @Test
    void findsTheLastCodeBlock_fencedOrIndented_evenInsideAList() {
        assertThat(Clipboard.lastCodeBlock("```js\nfirst\n```\n\n- item\n\n  ```\n  second\n  line\n  ```\n"))
                .contains("second\nline");
        assertThat(Clipboard.lastCodeBlock("text\n\n    indented\n")).contains("indented");
        assertThat(Clipboard.lastCodeBlock("no `code` block")).isEmpty();
    }
}
