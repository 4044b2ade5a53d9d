package io.github.t3chat4j.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.domain.message.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");

    private static SearchQuery parse(String text) {
        return SearchQuery.parse(text, PARIS, NOW);
    }

    @Test
    void wordsPhrasesAndPrefixes() {
        SearchQuery q = parse("maven  \"shade plugin\" shad* “curly quotes”");

        assertThat(q.terms()).containsExactly(SearchTerm.words("maven"), SearchTerm.words("shade plugin"),
                SearchTerm.prefix("shad"), SearchTerm.words("curly quotes"));
        assertThat(q.excluded()).isEmpty();
        assertThat(q.text()).isEqualTo("maven  \"shade plugin\" shad* “curly quotes”");
    }

    @Test
    void excludedWordsAndPhrases() {
        SearchQuery q = parse("maven -gradle -\"spring boot\" a-b");

        assertThat(q.terms()).containsExactly(SearchTerm.words("maven"), SearchTerm.words("a-b"));
        assertThat(q.excluded()).containsExactly(SearchTerm.words("gradle"), SearchTerm.words("spring boot"));
    }

    @Test
    void filters() {
        SearchQuery q = parse("model:claude-4-sonnet MODEL:gpt* role:Assistant shading");

        assertThat(q.models()).containsExactly("claude-4-sonnet", "gpt*");
        assertThat(q.roles()).isEqualTo(Set.of(Role.ASSISTANT));
        assertThat(q.terms()).containsExactly(SearchTerm.words("shading"));
    }

    @Test
    void datesStartAtTheDayMonthOrYearInTheZone() {
        assertThat(parse("after:2026-11-05").after()).contains(Instant.parse("2026-11-04T23:00:00Z"));
        assertThat(parse("before:2026-11").before()).contains(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(parse("after:2026").after()).contains(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(parse("after:2026-11-05T14:30").after()).contains(Instant.parse("2026-11-05T13:30:00Z"));
        assertThat(parse("before:2026-11-05T14:30Z").before()).contains(Instant.parse("2026-11-05T14:30:00Z"));
        assertThat(parse("before:2026-11-05T14:30+02:00").before()).contains(Instant.parse("2026-11-05T12:30:00Z"));
    }

    @Test
    void relativeDates() {
        assertThat(parse("after:today").after()).contains(Instant.parse("2026-11-19T23:00:00Z"));
        assertThat(parse("after:yesterday").after()).contains(Instant.parse("2026-11-18T23:00:00Z"));
        assertThat(parse("after:7d").after()).contains(Instant.parse("2026-11-13T15:30:00Z"));
        assertThat(parse("after:2w").after()).contains(Instant.parse("2026-11-06T15:30:00Z"));
        assertThat(parse("after:1y").after()).contains(Instant.parse("2025-11-20T15:30:00Z"));
    }

    @Test
    void repeatedDatesNarrowTheRange() {
        SearchQuery q = parse("after:2026-01 after:2026-03 before:2026-10 before:2026-06 x");

        assertThat(q.after()).contains(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(q.before()).contains(Instant.parse("2026-05-31T22:00:00Z"));
    }

    @Test
    void aFilterOnItsOwnIsAQuery() {
        assertThat(parse("role:user").isEmpty()).isFalse();
        assertThat(parse("-gradle").excluded()).containsExactly(SearchTerm.words("gradle"));
    }

    @Test
    void unknownNamesStayWords() {
        assertThat(parse("std::vector http://x.org").terms())
                .containsExactly(SearchTerm.words("std::vector"), SearchTerm.words("http://x.org"));
    }

    @Test
    void quotedFilterValues() {
        assertThat(parse("model:\"gpt-5\"").models()).containsExactly("gpt-5");
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertThat(parse("\"open phrase").terms()).containsExactly(SearchTerm.words("open phrase"));
    }

    @Test
    void refusesWhatItCannotSearch() {
        assertThatThrownBy(() -> parse("   ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nothing to search for");
        assertThatThrownBy(() -> parse("\"\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("after:someday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after: takes a date").hasMessageContaining("'someday'");
        assertThatThrownBy(() -> parse("before:2026-13-01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("role:system")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'user' or 'assistant'");
        assertThatThrownBy(() -> parse("-model:gpt-5 x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only words and phrases");
        assertThatThrownBy(() -> parse("model:")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model:");
    }

    @Test
    void termsPrintAsTyped() {
        assertThat(SearchTerm.words("a b")).hasToString("\"a b\"");
        assertThat(SearchTerm.prefix("sha")).hasToString("sha*");
    }
}
