package io.github.t3chat4j.application.internal.service;

import static io.github.t3chat4j.application.fixtures.AccountFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.UnknownModelException;
import io.github.t3chat4j.application.fake.Catalogs;
import io.github.t3chat4j.application.internal.usecase.ResolveModelQuery;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolveModelServiceTest {

    private final ResolveModelService service = new ResolveModelService(Catalogs.service(Catalogs.port(List.of(
            ModelInfo.builder(ModelId.of("gemini-2.5-flash-lite"), "Gemini 2.5 Flash Lite").build(),
            ModelInfo.builder(ModelId.of("gemini-2.5-flash"), "Gemini 2.5 Flash").build(),
            ModelInfo.builder(ModelId.of("gpt-image-1"), "GPT ImageGen").build()), List.of())));

    @Test
    void returnsTheModel_whenTheIdIsKnown() {
        assertThat(service.resolveModel(new ResolveModelQuery("gemini-2.5-flash")).name())
                .isEqualTo("Gemini 2.5 Flash");
    }

    @Test
    void suggestsTheClosestId_whenTheIdHasATypo() {
        assertThatThrownBy(() -> service.resolveModel(new ResolveModelQuery("gemini-2.5-flsh")))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage("Unknown model 'gemini-2.5-flsh'. Did you mean 'gemini-2.5-flash'?")
                .satisfies(e -> assertThat(((UnknownModelException) e).suggestion())
                        .contains(ModelId.of("gemini-2.5-flash")))
                .satisfies(e -> assertThat(((UnknownModelException) e).requestedId()).isEqualTo("gemini-2.5-flsh"));
    }

    @Test
    void pointsToTheList_whenNothingIsClose() {
        assertThatThrownBy(() -> service.resolveModel(new ResolveModelQuery("llama-70b")))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage("Unknown model 'llama-70b'. AccountClient.models lists the models.")
                .satisfies(e -> assertThat(((UnknownModelException) e).suggestion()).isEmpty());
    }

    @Test
    void rejectsABlankId() {
        assertThatThrownBy(() -> service.resolveModel(new ResolveModelQuery("  ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No model given");
    }

    @Test
    void letsAnUnknownIdThrough_whenOnlyTheBundledListIsKnown() {
        ResolveModelService bundledOnly = new ResolveModelService(Catalogs.service(Catalogs.port(List.of(),
                List.of(ModelInfo.builder(ModelId.of("gemini-2.5-flash"), "Gemini 2.5 Flash").build()))));

        assertThat(bundledOnly.resolveModel(new ResolveModelQuery("brand-new-model")).id())
                .isEqualTo(ModelId.of("brand-new-model"));
    }
}
