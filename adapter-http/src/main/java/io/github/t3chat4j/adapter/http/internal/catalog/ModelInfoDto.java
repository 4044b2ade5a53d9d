package io.github.t3chat4j.adapter.http.internal.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.t3chat4j.domain.catalog.ModelCost;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A model as the bundled fallback list stores it. Prices are US dollars per million
 * tokens. Any field but {@code id} and {@code name} may be null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModelInfoDto(
        String id,
        String name,
        String provider,
        String developer,
        String shortDescription,
        String fullDescription,
        Boolean requiresPro,
        Boolean premium,
        Boolean disabled,
        Boolean legacy,
        BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        BigDecimal cacheReadPerMillion,
        BigDecimal cacheWritePerMillion,
        BigDecimal creditAmount,
        Long maxInputTokens,
        Long maxOutputTokens,
        List<String> features,
        List<String> searchTags,
        String addedOn,
        String knowledgeCutoffDate,
        String retiredOn,
        String succeededBy) {

    /**
     * @throws IllegalArgumentException if the id or name is missing or malformed
     */
    ModelInfo toDomain() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A stored model has no name.");
        }
        return ModelInfo.builder(ModelId.of(id == null ? "" : id), name)
                .provider(orEmpty(provider))
                .developer(orEmpty(developer))
                .shortDescription(orEmpty(shortDescription))
                .fullDescription(orEmpty(fullDescription))
                .flags(Boolean.TRUE.equals(requiresPro), Boolean.TRUE.equals(premium), Boolean.TRUE.equals(disabled),
                        Boolean.TRUE.equals(legacy))
                .cost(new ModelCost(Optional.ofNullable(inputPerMillion), Optional.ofNullable(outputPerMillion),
                        Optional.ofNullable(cacheReadPerMillion), Optional.ofNullable(cacheWritePerMillion)))
                .creditAmount(creditAmount)
                .maxTokens(maxInputTokens, maxOutputTokens)
                .features(features == null ? java.util.Set.of() : new LinkedHashSet<>(features))
                .searchTags(searchTags == null ? List.of() : searchTags)
                .dates(addedOn, knowledgeCutoffDate, retiredOn)
                .succeededBy(succeededBy == null || succeededBy.isBlank() ? null : ModelId.of(succeededBy))
                .build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
