package io.github.t3chat4j.adapter.http.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The scanner over production-like chunks kept in {@code src/test/resources/catalog/chunks/}. */
class ModelDefinitionScannerChunkTest {

    /** Each chunk and the models it defines, in source order. */
    enum Chunk {
        VITE_MODELS("vite-models-DkR2x9Qa.js", "gemini-2.5-flash", "gemini-2.5-pro", "claude-4-sonnet", "claude-4-opus",
                "gpt-image-1", "o3"),
        NEXT_WEBPACK("next-webpack-4398-8f1c2d0b7e9a5c31.js", "gpt-4o", "gpt-4o-mini", "o3-mini", "gpt-image-1",
                "deepseek-r1"),
        VITE_LEGACY("vite-catalog-legacy-C1a9Zx0q.js", "llama-4-maverick", "qwen3-32b", "grok-3", "grok-4", "kimi-k2"),
        VITE_ENTRY("index-BfK3m2aP.js");

        final String resource;
        final List<String> ids;

        Chunk(String resource, String... ids) {
            this.resource = resource;
            this.ids = List.of(ids);
        }

        String javascript() {
            try (InputStream in = getClass().getResourceAsStream("/catalog/chunks/" + resource)) {
                assertThat(in).as(resource).isNotNull();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Chunk.class)
    void findsExactlyTheModelsOfTheChunk(Chunk chunk) {
        List<ModelInfo> models = ModelDefinitionScanner.scan(chunk.javascript());

        assertThat(models).extracting(m -> m.id().value()).containsExactlyElementsOf(chunk.ids);
    }

    @Test
    void readsFieldsInheritedFromASpreadBaseObject() {
        ModelInfo flash = model(Chunk.VITE_MODELS, "gemini-2.5-flash");

        assertThat(flash.provider()).isEqualTo("google");
        assertThat(flash.developer()).isEqualTo("Google");
        assertThat(flash.features()).containsExactlyInAnyOrder("images", "pdfs", "search");
        assertThat(flash.maxInputTokens().getAsLong()).isEqualTo(1_048_576L);
        assertThat(flash.maxOutputTokens().getAsLong()).isEqualTo(65_536L);
        assertThat(flash.requiresPro() || flash.premium() || flash.disabled() || flash.legacy()).isFalse();
        assertThat(flash.fullDescription())
                .isEqualTo("Google's latest fast model.\nGreat for {most} \"everyday\" tasks.");
        assertThat(flash.cost().inputPerMillion()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.3"));
        assertThat(flash.cost().cacheReadPerMillion())
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.075"));
        assertThat(flash.addedOn()).contains("2025-06-17");
        assertThat(flash.knowledgeCutoffDate()).contains("2025-01");
    }

    @Test
    void readsASpreadOfASpreadAndItsOverrides() {
        ModelInfo pro = model(Chunk.VITE_MODELS, "gemini-2.5-pro");

        assertThat(pro.premium()).isTrue();
        assertThat(pro.features()).containsExactlyInAnyOrder("images", "pdfs", "search", "reasoning");
        assertThat(pro.maxInputTokens().getAsLong()).isEqualTo(1_048_576L);
        assertThat(pro.cost().outputPerMillion()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("10"));
    }

    @Test
    void readsANestedSpreadOfAMemberOfTheBase() {
        ModelInfo opus = model(Chunk.VITE_MODELS, "claude-4-opus");

        assertThat(opus.provider()).isEqualTo("anthropic");
        assertThat(opus.requiresPro()).isTrue();
        assertThat(opus.maxInputTokens().getAsLong()).isEqualTo(200_000L);
        assertThat(opus.maxOutputTokens().getAsLong()).isEqualTo(32_000L);
        assertThat(opus.creditAmount()).contains(new BigDecimal("20"));
        assertThat(opus.cost().cacheWritePerMillion())
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("18.75"));
    }

    @Test
    void readsAModelWhoseIdIsNotItsFirstKey() {
        ModelInfo o3 = model(Chunk.VITE_MODELS, "o3");

        assertThat(o3.name()).isEqualTo("o3");
        assertThat(o3.fullDescription()).isEmpty();
        assertThat(o3.features()).containsExactlyInAnyOrder("images", "reasoning");
        assertThat(o3.maxOutputTokens().getAsLong()).isEqualTo(100_000L);
    }

    @Test
    void leavesAReferencedDeveloperObjectEmpty() {
        ModelInfo image = model(Chunk.VITE_MODELS, "gpt-image-1");

        assertThat(image.developer()).isEmpty();
        assertThat(image.shortDescription()).isEqualTo("Image generation");
        assertThat(image.generatesImages()).isTrue();
    }

    @Test
    void readsModelsOfAWebpackModuleThatSpreadEachOther() {
        ModelInfo gpt4o = model(Chunk.NEXT_WEBPACK, "gpt-4o");
        ModelInfo mini = model(Chunk.NEXT_WEBPACK, "gpt-4o-mini");

        assertThat(gpt4o.legacy()).isTrue();
        assertThat(gpt4o.retiredOn()).contains("2025-12-01");
        assertThat(gpt4o.succeededBy()).contains(ModelId.of("gpt-4.1"));
        assertThat(gpt4o.maxInputTokens().getAsLong()).isEqualTo(128_000L);
        assertThat(mini.provider()).isEqualTo("openai");
        assertThat(mini.features()).containsExactlyInAnyOrder("images", "pdfs");
        assertThat(mini.searchTags()).containsExactly("openai", "4o", "omni", "mini");
        assertThat(mini.legacy()).isFalse();
        assertThat(mini.retiredOn()).isEmpty();
        assertThat(mini.succeededBy()).isEmpty();
        assertThat(mini.cost().inputPerMillion()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.15"));
    }

    @Test
    void readsFeatureFlagsAndAnEpochDate() {
        ModelInfo o3mini = model(Chunk.NEXT_WEBPACK, "o3-mini");

        assertThat(o3mini.features()).containsExactlyInAnyOrder("reasoning", "search");
        assertThat(o3mini.addedOn()).contains("2025-01-31T08:00:00Z");
        assertThat(o3mini.maxInputTokens().getAsLong()).isEqualTo(200_000L);
    }

    @Test
    void readsAnUndefinedAppBlockAsNoLimits() {
        ModelInfo image = model(Chunk.NEXT_WEBPACK, "gpt-image-1");

        assertThat(image.premium()).isTrue();
        assertThat(image.maxInputTokens()).isEmpty();
        assertThat(image.generatesImages()).isTrue();
    }

    @Test
    void keepsExplicitFields_whenTheSpreadNameIsDeclaredMoreThanOnce() {
        ModelInfo r1 = model(Chunk.NEXT_WEBPACK, "deepseek-r1");

        assertThat(r1.provider()).isEmpty();
        assertThat(r1.developer()).isEmpty();
        assertThat(r1.features()).containsExactly("reasoning");
        assertThat(r1.cost().outputPerMillion()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("2.19"));
    }

    @Test
    void readsModelsInsideAJsonParseString() {
        ModelInfo llama = model(Chunk.VITE_LEGACY, "llama-4-maverick");

        assertThat(llama.shortDescription()).isEqualTo("Meta's open multimodal model");
        assertThat(llama.cost().inputPerMillion()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.2"));
        assertThat(llama.maxInputTokens().getAsLong()).isEqualTo(131_072L);
        assertThat(llama.features()).containsExactly("images");
    }

    @Test
    void readsASetSpreadIntoASetAndALegacySuccessor() {
        ModelInfo grok3 = model(Chunk.VITE_LEGACY, "grok-3");

        assertThat(grok3.provider()).isEmpty();
        assertThat(grok3.shortDescription()).isEqualTo("xAI's flagship, \"based\" model");
        assertThat(grok3.features()).containsExactlyInAnyOrder("search", "reasoning");
        assertThat(grok3.legacy()).isTrue();
        assertThat(grok3.succeededBy()).contains(ModelId.of("grok-4"));
    }

    @Test
    void readsUnicodeEscapesHexNumbersAndBackQuotedDates() {
        ModelInfo grok4 = model(Chunk.VITE_LEGACY, "grok-4");

        assertThat(grok4.fullDescription()).isEqualTo("Reasoning \u2014 always on. \uD83D\uDE80");
        assertThat(grok4.maxInputTokens().getAsLong()).isEqualTo(256_000L);
        assertThat(grok4.maxOutputTokens().getAsLong()).isEqualTo(65_536L);
        assertThat(grok4.addedOn()).contains("2025-07-09");
    }

    @Test
    void readsAModelWithAClassAndRegexesAmongItsValues() {
        ModelInfo kimi = model(Chunk.VITE_LEGACY, "kimi-k2");

        assertThat(kimi.developer()).isEqualTo("Moonshot AI");
        assertThat(kimi.features()).isEmpty();
        assertThat(kimi.searchTags()).containsExactly("kimi", "moonshot");
        assertThat(kimi.cost().outputPerMillion()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("2.2"));
    }

    private static ModelInfo model(Chunk chunk, String id) {
        Optional<ModelInfo> found = ModelDefinitionScanner.scan(chunk.javascript()).stream()
                .filter(m -> m.id().value().equals(id)).findFirst();
        assertThat(found).as(id).isPresent();
        return found.get();
    }
}
