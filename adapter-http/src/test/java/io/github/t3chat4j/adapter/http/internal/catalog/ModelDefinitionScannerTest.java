package io.github.t3chat4j.adapter.http.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.testkit.trpc.FakeModelChunk;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelDefinitionScannerTest {

    private final List<ModelInfo> models = ModelDefinitionScanner.scan(FakeModelChunk.JS);

    @Test
    void findsEveryModelOfTheMinifiedChunk_andNothingElse() {
        assertThat(models).extracting(m -> m.id().value()).containsExactly("gemini-2.5-flash-lite",
                "gemini-2.5-flash", "claude-4-sonnet", "gpt-image-1", "gpt-4o", "kimi-k2.5");
    }

    @Test
    void readsBackQuotedStringsExponentPricesAndSets() {
        ModelInfo lite = model("gemini-2.5-flash-lite");

        assertThat(lite.name()).isEqualTo("Gemini 2.5 Flash Lite");
        assertThat(lite.provider()).isEqualTo("google");
        assertThat(lite.developer()).isEqualTo("Google");
        assertThat(lite.fullDescription()).isEqualTo("Google's fastest \"lite\" model.\nGreat for most tasks.");
        assertThat(lite.cost().inputPerMillion()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.1"));
        assertThat(lite.cost().outputPerMillion()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.4"));
        assertThat(lite.cost().cacheReadPerMillion()).isEmpty();
        assertThat(lite.maxInputTokens().getAsLong()).isEqualTo(1_000_000L);
        assertThat(lite.maxOutputTokens().getAsLong()).isEqualTo(65_536L);
        assertThat(lite.features()).containsExactlyInAnyOrder("images", "pdfs", "search");
        assertThat(lite.searchTags()).containsExactly("fast", "cheap");
        assertThat(lite.addedOn()).contains("2025-06-17");
        assertThat(lite.knowledgeCutoffDate()).contains("2025-01");
        assertThat(lite.requiresPro() || lite.premium() || lite.disabled() || lite.legacy()).isFalse();
    }

    @Test
    void readsANestedProviderObjectAndSkipsFunctionsAndVariables() {
        ModelInfo flash = model("gemini-2.5-flash");

        assertThat(flash.provider()).isEqualTo("Google");
        assertThat(flash.cost().cacheReadPerMillion())
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.075"));
        assertThat(flash.features()).containsExactlyInAnyOrder("reasoning", "search");
        assertThat(flash.maxInputTokens().getAsLong()).isEqualTo(1_048_576L);
    }

    @Test
    void readsSingleQuotesFlagsAndCacheWritePrices() {
        ModelInfo sonnet = model("claude-4-sonnet");

        assertThat(sonnet.shortDescription()).isEqualTo("Anthropic's balanced model");
        assertThat(sonnet.requiresPro()).isTrue();
        assertThat(sonnet.premium()).isTrue();
        assertThat(sonnet.developer()).isEmpty();
        assertThat(sonnet.cost().cacheWritePerMillion())
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("3.75"));
        assertThat(sonnet.creditAmount()).contains(new BigDecimal("4"));
        assertThat(sonnet.maxOutputTokens().getAsLong()).isEqualTo(64_000L);
    }

    @Test
    void recognisesImageModelsLegacyModelsAndTheirSuccessors() {
        assertThat(model("gpt-image-1").generatesImages()).isTrue();
        assertThat(model("gemini-2.5-flash").generatesImages()).isFalse();
        ModelInfo gpt4o = model("gpt-4o");
        assertThat(gpt4o.legacy()).isTrue();
        assertThat(gpt4o.retiredOn()).contains("2025-12-01");
        assertThat(gpt4o.succeededBy()).contains(ModelId.of("gpt-4.1"));
    }

    @Test
    void leavesAnInterpolatedTemplateEmpty() {
        ModelInfo kimi = model("kimi-k2.5");

        assertThat(kimi.shortDescription()).isEqualTo("Moonshot's open model");
        assertThat(kimi.fullDescription()).isEmpty();
    }

    @Test
    void findsNothingInCodeWithoutModels() {
        assertThat(ModelDefinitionScanner.scan(FakeModelChunk.ENTRY_JS)).isEmpty();
        assertThat(ModelDefinitionScanner.scan("{id:\"x\",name:\"No model fields\"}{id:")).isEmpty();
        assertThat(ModelDefinitionScanner.scan("")).isEmpty();
    }

    @Test
    void acceptsQuotedIdKeys() {
        List<ModelInfo> found = ModelDefinitionScanner.scan("x={\"id\":\"a-1\",\"name\":\"A\",\"cost\":{}}");

        assertThat(found).extracting(ModelInfo::name).containsExactly("A");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void findsNothing_inHostileInput(String name, String js) {
        assertThat(ModelDefinitionScanner.scan(js)).as(name).isEmpty();
    }

    static Stream<Arguments> hostileInputs() {
        int many = 100_000;
        return Stream.of(
                arguments("open braces", "{".repeat(many)),
                arguments("close braces", "}".repeat(many)),
                arguments("unclosed objects", "{a:".repeat(many)),
                arguments("unclosed calls", "{a:(".repeat(many)),
                arguments("unclosed function bodies", "{a:()=>{".repeat(many)),
                arguments("unclosed templates", "{a:`${".repeat(many)),
                arguments("unclosed block comments", "{a:/*".repeat(many)),
                arguments("unclosed line comments", "{a://".repeat(many)),
                arguments("unclosed regex classes", "{a:()=>{x=" + "/[".repeat(many)),
                arguments("unresolvable spreads", "{...a,".repeat(many)),
                arguments("a chain of spreads", chainOfSpreads(10_000)),
                arguments("model fields nested 10,000 deep",
                        "{id:\"x\",name:\"X\",cost:" + "{a:".repeat(10_000) + "1" + "}".repeat(10_001)),
                arguments("a 5 MB name", "{id:\"x\",cost:{},name:\"" + "a".repeat(5 * 1024 * 1024)));
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void findsAModelAfterHostileInput() {
        String js = "{a:(".repeat(100_000) + "{a:`${".repeat(1_000) + "\n{id:\"x\",name:\"X\",cost:{input:1/1e6}}";

        assertThat(ModelDefinitionScanner.scan(js)).extracting(m -> m.id().value()).containsExactly("x");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void scansAnEightMegabyteChunk() {
        String js = FakeModelChunk.JS.repeat(8 * 1024 * 1024 / FakeModelChunk.JS.length());

        assertThat(ModelDefinitionScanner.scan(js)).hasSize(6);
    }

    private static String chainOfSpreads(int length) {
        StringBuilder js = new StringBuilder("const ");
        for (int i = 0; i < length; i++) {
            js.append("a").append(i).append("={...a").append(i + 1).append(",k").append(i).append(":1},");
        }
        return js.append("z=0;").toString();
    }

    private ModelInfo model(String id) {
        Optional<ModelInfo> found = models.stream().filter(m -> m.id().value().equals(id)).findFirst();
        assertThat(found).as(id).isPresent();
        return found.get();
    }
}
