package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsCaseAccentsAndCompatibilityForms() {
        assertThat(SearchText.indexForm("Crème BRÛLÉE, naïve Straße")).isEqualTo("creme brulee naive straße");
        assertThat(SearchText.indexForm("ＦＵＬＬ ｗｉｄｔｈ ﬁle ①")).isEqualTo("full width file 1");
        assertThat(SearchText.indexForm("ΣΟΦΊΑ σοφίας Ελληνικά")).isEqualTo("σοφια σοφιασ ελληνικα");
        assertThat(SearchText.indexForm("ПРИВЕТ Ёлка")).isEqualTo("привет елка");
    }

    @Test
    void splitsAtPunctuationAndKeepsDigits() {
        assertThat(SearchText.indexForm("maven-shade-plugin 3.5.1, (std::vector)!"))
                .isEqualTo("maven shade plugin 3 5 1 std vector");
        assertThat(SearchText.indexForm("  ")).isEmpty();
        assertThat(SearchText.indexForm("\"'%*")).isEmpty();
    }

    @Test
    void scriptsWithoutSpacesAndEmojiAreWordsOfOneCharacter() {
        assertThat(SearchText.indexForm("東京都に住む")).isEqualTo("東 京 都 に 住 む");
        assertThat(SearchText.indexForm("한국어 텍스트")).isEqualTo("한 국 어 텍 스 트");
        assertThat(SearchText.indexForm("iPhone手机")).isEqualTo("iphone 手 机");
        assertThat(SearchText.indexForm("ship it 🚀🚀 now")).isEqualTo("ship it 🚀 🚀 now");
    }

    @Test
    void wordsKnowWhereTheyCameFrom() {
        String text = "Ça va? 東京 👩‍💻 done";
        List<SearchText.Word> words = SearchText.words(text);

        assertThat(words).extracting(SearchText.Word::text).containsExactly("ca", "va", "東", "京", "👩", "💻", "done");
        for (SearchText.Word word : words) {
            assertThat(SearchText.indexForm(text.substring(word.start(), word.end()))).isEqualTo(word.text());
        }
        assertThat(text.substring(words.get(0).start(), words.get(0).end())).isEqualTo("Ça");
        assertThat(text.substring(words.get(4).start(), words.get(4).end())).isEqualTo("👩");
    }

    @Test
    void theIndexFormIsTheWordsJoined() {
        String text = "Ärger über 東京 and naïveté, 👍 OK?";
        assertThat(SearchText.indexForm(text)).isEqualTo(String.join(" ", SearchText.wordTexts(text)));
    }
}
