package io.github.t3chat4j.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchPageTest {

    @Test
    void countsPages() {
        SearchPage empty = new SearchPage(List.of(), 0, 0, 10, List.of(), List.of());
        assertThat(empty.pageNumber()).isEqualTo(1);
        assertThat(empty.pageCount()).isEqualTo(1);
        assertThat(empty.hasNextPage()).isFalse();

        SearchPage third = new SearchPage(List.of(), 25, 20, 10, List.of(), List.of());
        assertThat(third.pageNumber()).isEqualTo(3);
        assertThat(third.pageCount()).isEqualTo(3);
    }

    @Test
    void snippetsKeepTheirHighlightsInside() {
        assertThat(new Snippet("abc def", List.of(new Snippet.Range(0, 3), new Snippet.Range(4, 7)),
                Snippet.Source.TEXT).highlights()).hasSize(2);
        assertThatThrownBy(() -> new Snippet("abc", List.of(new Snippet.Range(2, 4)), Snippet.Source.TEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snippet("abcdef", List.of(new Snippet.Range(2, 4), new Snippet.Range(3, 5)),
                Snippet.Source.TEXT)).isInstanceOf(IllegalArgumentException.class);
    }
}
