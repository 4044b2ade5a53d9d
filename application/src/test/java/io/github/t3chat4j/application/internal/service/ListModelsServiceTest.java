package io.github.t3chat4j.application.internal.service;

import static io.github.t3chat4j.application.fixtures.AccountFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.fake.Catalogs;
import io.github.t3chat4j.application.internal.usecase.ListModelsQuery;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.session.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListModelsServiceTest {

    private final List<String> statusReads = new ArrayList<>();
    private final ListModelsService service = new ListModelsService(Catalogs.service(Catalogs.port(List.of(),
            List.of(ModelInfo.builder(ModelId.of("gemini-2.5-flash"), "Gemini 2.5 Flash").build()))),
            () -> {
                statusReads.add("read");
                return List.of(new ModelStatus("Gemini 2.5 Flash", "none", "Operational"));
            });

    @Test
    void joinsStatuses_whenAsked() {
        ModelCatalog catalog = service.listModels(new ListModelsQuery(true));

        assertThat(catalog.models().get(0).status()).isPresent();
        assertThat(catalog.source()).isEqualTo(ModelCatalog.Source.BUNDLED);
    }

    @Test
    void readsNoStatuses_whenNotAsked() {
        ModelCatalog catalog = service.listModels(new ListModelsQuery(false));

        assertThat(catalog.models().get(0).status()).isEmpty();
        assertThat(statusReads).isEmpty();
    }
}
