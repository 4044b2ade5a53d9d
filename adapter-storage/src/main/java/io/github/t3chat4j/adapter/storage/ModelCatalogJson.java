package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.storage.internal.dto.CachedModelDto;
import io.github.t3chat4j.adapter.storage.internal.dto.ModelCatalogCacheFileDto;
import io.github.t3chat4j.application.port.out.CachedModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelCost;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The model catalogue cache file format: maps a {@link CachedModelCatalog} and the site it came from to
 * its JSON document and back. A model's live status is not stored; it is joined in after every read.
 */
final class ModelCatalogJson {

    private final ObjectMapper mapper;

    ModelCatalogJson(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper == null");
    }

    /** Writes the document of {@code catalog}, read from {@code baseUrl}, to {@code out}, and closes it. */
    void write(String baseUrl, CachedModelCatalog catalog, OutputStream out) throws IOException {
        List<CachedModelDto> models = catalog.models().stream().map(ModelCatalogJson::toDto).toList();
        mapper.writeValue(out, new ModelCatalogCacheFileDto(baseUrl, catalog.fetchedAt().toString(), models));
    }

    /**
     * The catalogue in {@code bytes} when it was read from {@code baseUrl} and holds models; empty otherwise.
     *
     * @throws IOException when the bytes are not such a document
     * @throws RuntimeException (such as {@link IllegalArgumentException}) when a value is invalid
     */
    Optional<CachedModelCatalog> read(byte[] bytes, String baseUrl) throws IOException {
        ModelCatalogCacheFileDto file = mapper.readValue(bytes, ModelCatalogCacheFileDto.class);
        if (file == null || !baseUrl.equals(file.baseUrl()) || file.models() == null || file.models().isEmpty()
                || file.fetchedAt() == null) {
            return Optional.empty();
        }
        List<ModelInfo> models = new ArrayList<>();
        for (CachedModelDto model : file.models()) {
            models.add(toDomain(requireNonNull(model, "a model == null")));
        }
        return Optional.of(new CachedModelCatalog(models, Instant.parse(file.fetchedAt())));
    }

    private static CachedModelDto toDto(ModelInfo m) {
        ModelCost cost = m.cost();
        return new CachedModelDto(m.id().value(), m.name(), blankToNull(m.provider()), blankToNull(m.developer()),
                blankToNull(m.shortDescription()), blankToNull(m.fullDescription()), m.requiresPro(), m.premium(),
                m.disabled(), m.legacy(), cost.inputPerMillion().orElse(null), cost.outputPerMillion().orElse(null),
                cost.cacheReadPerMillion().orElse(null), cost.cacheWritePerMillion().orElse(null),
                m.creditAmount().orElse(null),
                m.maxInputTokens().isPresent() ? m.maxInputTokens().getAsLong() : null,
                m.maxOutputTokens().isPresent() ? m.maxOutputTokens().getAsLong() : null,
                List.copyOf(m.features()), m.searchTags(), m.addedOn().orElse(null),
                m.knowledgeCutoffDate().orElse(null), m.retiredOn().orElse(null),
                m.succeededBy().map(ModelId::value).orElse(null));
    }

    private static ModelInfo toDomain(CachedModelDto m) {
        if (m.name() == null || m.name().isBlank()) {
            throw new IllegalArgumentException("A cached model has no name.");
        }
        return ModelInfo.builder(ModelId.of(m.id() == null ? "" : m.id()), m.name())
                .provider(orEmpty(m.provider()))
                .developer(orEmpty(m.developer()))
                .shortDescription(orEmpty(m.shortDescription()))
                .fullDescription(orEmpty(m.fullDescription()))
                .flags(Boolean.TRUE.equals(m.requiresPro()), Boolean.TRUE.equals(m.premium()),
                        Boolean.TRUE.equals(m.disabled()), Boolean.TRUE.equals(m.legacy()))
                .cost(new ModelCost(Optional.ofNullable(m.inputPerMillion()), Optional.ofNullable(m.outputPerMillion()),
                        Optional.ofNullable(m.cacheReadPerMillion()), Optional.ofNullable(m.cacheWritePerMillion())))
                .creditAmount(m.creditAmount())
                .maxTokens(m.maxInputTokens(), m.maxOutputTokens())
                .features(m.features() == null ? Set.of() : new LinkedHashSet<>(m.features()))
                .searchTags(m.searchTags() == null ? List.of() : m.searchTags())
                .dates(m.addedOn(), m.knowledgeCutoffDate(), m.retiredOn())
                .succeededBy(m.succeededBy() == null || m.succeededBy().isBlank() ? null : ModelId.of(m.succeededBy()))
                .build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
