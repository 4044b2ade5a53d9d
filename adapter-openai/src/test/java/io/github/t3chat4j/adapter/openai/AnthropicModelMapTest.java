package io.github.t3chat4j.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Claude ids to t3.chat models: the user's rules first, a t3.chat id as it is, else the nearest Claude by
 * family and version. The README's table is checked against the map here, row by row.
 */
class AnthropicModelMapTest {

    /** The catalogue the README's table is computed for: the bundled Claudes and those t3.chat showed in 2026. */
    static final ModelCatalog CATALOG = catalog("claude-4-sonnet", "claude-4-opus", "claude-4.6-sonnet",
            "claude-4.6-opus", "gemini-2.5-flash", "gemini-2.5-pro", "gpt-4o");

    private static ModelCatalog catalog(String... ids) {
        List<ModelInfo> models = new ArrayList<>();
        for (String id : ids) {
            models.add(ModelInfo.builder(ModelId.of(id), id).build());
        }
        return new ModelCatalog(models, ModelCatalog.Source.BUNDLED);
    }

    private static String mapped(AnthropicModelMap map, String requested, ModelCatalog catalog) {
        return map.map(requested, catalog).map(AnthropicModelMap.Mapping::model).orElse("(none)");
    }

    @Test
    void mapsAClaudeId_toTheNearestClaudeOfTheSameFamily_byVersion() {
        AnthropicModelMap map = new AnthropicModelMap(Map.of());

        assertThat(mapped(map, "claude-sonnet-4-5-20250929", CATALOG)).isEqualTo("claude-4.6-sonnet");
        assertThat(mapped(map, "claude-opus-4-1-20250805", CATALOG)).isEqualTo("claude-4-opus");
        assertThat(mapped(map, "claude-3-7-sonnet-latest", CATALOG)).isEqualTo("claude-4-sonnet");
        assertThat(mapped(map, "opus", CATALOG)).as("a bare family wants the newest").isEqualTo("claude-4.6-opus");
        assertThat(mapped(map, "claude-sonnet-4-5[1m]", CATALOG)).isEqualTo("claude-4.6-sonnet");
    }

    @Test
    void takesTheNextFamily_whenT3ChatHasNoneOfTheFamilyAsked() {
        AnthropicModelMap map = new AnthropicModelMap(Map.of());

        assertThat(mapped(map, "claude-3-5-haiku-latest", CATALOG)).isEqualTo("claude-4-sonnet");
        assertThat(mapped(map, "claude-opus-4-1", catalog("claude-4-sonnet", "gemini-2.5-flash")))
                .isEqualTo("claude-4-sonnet");
        assertThat(mapped(map, "claude-sonnet-4-5", catalog("gemini-2.5-flash"))).isEqualTo("(none)");
    }

    @Test
    void prefersAPlainCurrentModel_toAVariantOrALegacyOne() {
        List<ModelInfo> models = List.of(
                ModelInfo.builder(ModelId.of("claude-4.5-sonnet-reasoning"), "reasoning").build(),
                ModelInfo.builder(ModelId.of("claude-4.5-sonnet"), "old").flags(false, false, false, true).build(),
                ModelInfo.builder(ModelId.of("claude-4-sonnet"), "current").build(),
                ModelInfo.builder(ModelId.of("claude-4.5-opus"), "gone").flags(false, false, true, false).build(),
                ModelInfo.builder(ModelId.of("claude-image-sonnet-5"), "images").features(Set.of("imageGeneration"))
                        .build());
        ModelCatalog catalog = new ModelCatalog(models, ModelCatalog.Source.SCRAPED);

        assertThat(mapped(new AnthropicModelMap(Map.of()), "claude-sonnet-4-5", catalog)).isEqualTo("claude-4-sonnet");
        assertThat(mapped(new AnthropicModelMap(Map.of()), "claude-opus-4-5", catalog))
                .as("a disabled opus is no candidate; the sonnets are").isEqualTo("claude-4-sonnet");
    }

    @Test
    void letsTheUsersRulesWin_exactThenTheLongestPrefixThenTheCatchAll() {
        AnthropicModelMap map = new AnthropicModelMap(Map.of("claude-opus-4-1-20250805", "gpt-4o",
                "claude-opus*", "claude-4-opus", "claude-opus-4-6*", "claude-4.6-opus", "*", "gemini-2.5-pro"));

        assertThat(mapped(map, "claude-opus-4-1-20250805", CATALOG)).isEqualTo("gpt-4o");
        assertThat(mapped(map, "claude-opus-4-6-20260101", CATALOG)).isEqualTo("claude-4.6-opus");
        assertThat(mapped(map, "claude-opus-5-5", CATALOG)).isEqualTo("claude-4-opus");
        assertThat(mapped(map, "claude-haiku-4-5", CATALOG)).isEqualTo("gemini-2.5-pro");
        assertThat(map.map("claude-haiku-4-5", CATALOG).orElseThrow().why()).isEqualTo("--anthropic-model");
    }

    @Test
    void passesAT3ChatIdThrough_andLeavesOtherIdsToTheCatalogue() {
        AnthropicModelMap map = new AnthropicModelMap(Map.of());

        assertThat(mapped(map, "gemini-2.5-pro", CATALOG)).isEqualTo("gemini-2.5-pro");
        assertThat(mapped(map, "claude-4-sonnet", CATALOG)).isEqualTo("claude-4-sonnet");
        assertThat(map.map("gemini-2.5-flsh", CATALOG)).isEqualTo(Optional.empty());
    }

    @Test
    void theReadmesTableIsWhatTheMapDoes() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("<!-- anthropic-models -->");
        int end = readme.indexOf("<!-- /anthropic-models -->");
        assertThat(start).as("the table's markers in README.md").isPositive();
        assertThat(end).isGreaterThan(start);
        List<String> rows = readme.substring(start, end).lines()
                .filter(line -> line.startsWith("| `")).toList();
        assertThat(rows).hasSizeGreaterThan(6);
        AnthropicModelMap map = new AnthropicModelMap(Map.of("claude-3-5-haiku*", "gemini-2.5-flash"));
        AnthropicModelMap plain = new AnthropicModelMap(Map.of());
        for (String row : rows) {
            String[] cells = row.split("\\|");
            String requested = cells[1].strip().replace("`", "");
            String expected = cells[2].strip().replace("`", "");
            String ruled = cells[3].strip().replace("`", "");
            assertThat(mapped(plain, requested, CATALOG)).as(row).isEqualTo(expected);
            assertThat(mapped(map, requested, CATALOG)).as(row).isEqualTo(ruled.isEmpty() || ruled.equals("the same")
                    ? expected : ruled);
        }
    }
}
