package io.github.t3chat4j.adapter.http.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the model scanner arbitrary JavaScript chunks, as the catalogue adapter downloads them.
 * Documented outcome: the models found, never an exception (objects that do not parse are skipped);
 * each model id once, with a name.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModelDefinitionScannerFuzzTest {

    @FuzzTest
    void scansAnyChunk_forModels(byte[] input) {
        String js = new String(input, StandardCharsets.UTF_8);

        List<ModelInfo> models = ModelDefinitionScanner.scan(js);

        Set<String> ids = new HashSet<>();
        for (ModelInfo model : models) {
            assertThat(ids.add(model.id().value())).as("model %s found once", model.id()).isTrue();
            assertThat(model.name()).isNotBlank();
        }
    }
}
