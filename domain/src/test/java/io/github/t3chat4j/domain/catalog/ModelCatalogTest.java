package io.github.t3chat4j.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.domain.chat.ModelId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    private final ModelCatalog catalog = new ModelCatalog(List.of(
            model("gemini-2.5-flash-lite", "Gemini 2.5 Flash Lite"),
            model("gemini-2.5-flash", "Gemini 2.5 Flash"),
            model("gemini-2.5-pro", "Gemini 2.5 Pro"),
            model("gpt-4o", "GPT-4o"),
            model("gpt-4o", "duplicate")), ModelCatalog.Source.SCRAPED);

    @Test
    void keepsTheFirstModelPerId() {
        assertThat(catalog.ids()).extracting(ModelId::value)
                .containsExactly("gemini-2.5-flash-lite", "gemini-2.5-flash", "gemini-2.5-pro", "gpt-4o");
        assertThat(catalog.find("gpt-4o")).get().extracting(ModelInfo::name).isEqualTo("GPT-4o");
    }

    @Test
    void findsIgnoringCaseAndSpaces() {
        assertThat(catalog.find(" GPT-4O ")).isPresent();
    }

    @Test
    void suggestsTheClosestId_whenOneLetterIsMissing() {
        assertThat(catalog.closestTo("gemini-2.5-flsh")).contains(ModelId.of("gemini-2.5-flash"));
        assertThat(catalog.closestTo("gpt4o")).contains(ModelId.of("gpt-4o"));
    }

    @Test
    void suggestsNothing_whenNothingIsClose() {
        assertThat(catalog.closestTo("llama-3-70b")).isEmpty();
        assertThat(catalog.closestTo("x")).isEmpty();
    }

    @Test
    void namesTheNearestIds_nearestFirst_howeverFar() {
        assertThat(catalog.nearest("gemini-2.5-pri", 2)).extracting(ModelId::value)
                .containsExactly("gemini-2.5-pro", "gemini-2.5-flash");
        assertThat(catalog.nearest("llama-3-70b", 1)).hasSize(1);
        assertThat(catalog.nearest("x", 0)).isEmpty();
    }

    @Test
    void joinsStatusesByNameOrId() {
        ModelCatalog joined = catalog.withStatuses(List.of(
                new ModelStatus("Gemini 2.5 Pro", "minor", "Degraded"),
                new ModelStatus("gpt-4o", "none", "Operational")));

        assertThat(joined.find("gemini-2.5-pro").orElseThrow().status()).get()
                .extracting(ModelStatus::indicator).isEqualTo("minor");
        assertThat(joined.find("gpt-4o").orElseThrow().status()).isPresent();
        assertThat(joined.find("gemini-2.5-flash").orElseThrow().status()).isEmpty();
    }

    @Test
    void measuresEditDistance() {
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("same", "same")).isZero();
    }

    private static ModelInfo model(String id, String name) {
        return ModelInfo.builder(ModelId.of(id), name).build();
    }
}
