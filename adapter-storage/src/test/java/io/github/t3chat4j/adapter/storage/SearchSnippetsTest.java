package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.domain.search.SearchTerm;
import io.github.t3chat4j.domain.search.Snippet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSnippetsTest {

    private static List<String> highlighted(Snippet snippet) {
        return snippet.highlights().stream().map(r -> snippet.text().substring(r.start(), r.end())).toList();
    }

    private static Snippet around(String text, SearchTerm... terms) {
        return new SearchSnippets(List.of(terms)).around(text, Snippet.Source.TEXT).orElseThrow();
    }

    @Test
    void highlightsWordsWhateverTheirCaseAndAccents() {
        Snippet s = around("Use the Maven Shade plugin; MAVEN's résumé says so.", SearchTerm.words("maven"),
                SearchTerm.words("resume"));

        assertThat(s.text()).isEqualTo("Use the Maven Shade plugin; MAVEN's résumé says so.");
        assertThat(highlighted(s)).containsExactly("Maven", "MAVEN", "résumé");
    }

    @Test
    void highlightsPhrasesAndPrefixes() {
        Snippet s = around("shade plugin, the shading and shade\n  plugin", SearchTerm.words("shade plugin"),
                SearchTerm.prefix("shad"));

        assertThat(s.text()).isEqualTo("shade plugin, the shading and shade plugin");
        assertThat(highlighted(s)).containsExactly("shade plugin", "shading", "shade plugin");
    }

    @Test
    void findsCjkInsideLongerRuns() {
        Snippet s = around("私は東京都に住んでいます", SearchTerm.words("東京"));

        assertThat(highlighted(s)).containsExactly("東京");
    }

    @Test
    void cutsAroundTheMatchWithEllipsesAtWordBoundaries() {
        String text = "lorem ipsum ".repeat(40) + "the needle is here " + "dolor sit ".repeat(40);
        Snippet s = around(text, SearchTerm.words("needle"));

        assertThat(s.text()).startsWith("…").endsWith("…").contains("the needle is here");
        assertThat(s.text().length()).isLessThanOrEqualTo(SearchSnippets.LENGTH + 2);
        assertThat(s.text()).doesNotStartWith("…m").doesNotContain("  ");
        assertThat(highlighted(s)).containsExactly("needle");
    }

    @Test
    void picksTheWindowWithTheMostDifferentTerms() {
        String text = "alpha " + "x ".repeat(200) + "alpha beta " + "y ".repeat(200);
        Snippet s = around(text, SearchTerm.words("alpha"), SearchTerm.words("beta"));

        assertThat(highlighted(s)).containsExactly("alpha", "beta");
    }

    @Test
    void neverCutsAnEmojiSequenceOrAnAccent() {
        String family = "👨\u200D👩\u200D👧";
        String flag = "🇫🇷";
        String accent = "e\u0301";
        for (int pad = 0; pad < 12; pad++) {
            String text = (family + flag + accent).repeat(30) + "x".repeat(pad) + " needle "
                    + (accent + flag + family).repeat(30);
            Snippet s = around(text, SearchTerm.words("needle"));
            String inner = s.text().replace("…", "");
            assertThat(inner.codePoints().filter(cp -> cp == 0x200D).count() % 2).as("pad %d: %s", pad, inner)
                    .isEqualTo(0);
            assertThat(inner).as("pad %d", pad).doesNotStartWith("\u200D").doesNotStartWith("\u0301")
                    .doesNotStartWith("👩");
            assertThat(inner.codePoints().filter(cp -> cp >= 0x1F1E6 && cp <= 0x1F1FF).count() % 2).isEqualTo(0);
            assertThat(Character.isHighSurrogate(inner.charAt(inner.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(inner.charAt(0))).isFalse();
        }
    }

    @Test
    void nothingWhenNothingMatches() {
        assertThat(new SearchSnippets(List.of(SearchTerm.words("absent"))).around("present", Snippet.Source.TEXT))
                .isEmpty();
    }

    @Test
    void theBeginningForAFilterOnlyHit() {
        Snippet s = SearchSnippets.beginning("word ".repeat(100), Snippet.Source.TEXT);

        assertThat(s.text()).startsWith("word word").endsWith("…").doesNotContain("  ");
        assertThat(s.highlights()).isEmpty();
    }
}
