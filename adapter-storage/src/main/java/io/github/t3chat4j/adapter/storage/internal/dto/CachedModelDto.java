package io.github.t3chat4j.adapter.storage.internal.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * One model in the catalogue cache. Prices are US dollars per million tokens. Any field but {@code id}
 * and {@code name} may be absent. The field names are those of the cache files earlier versions wrote.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CachedModelDto(
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
}
