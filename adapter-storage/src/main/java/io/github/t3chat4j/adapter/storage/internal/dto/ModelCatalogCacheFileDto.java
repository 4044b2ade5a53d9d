package io.github.t3chat4j.adapter.storage.internal.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The model catalogue cache file: the site it was read from ({@code baseUrl}, without a trailing slash),
 * when ({@code fetchedAt}, an ISO-8601 instant) and the models.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"baseUrl", "fetchedAt", "models"})
public record ModelCatalogCacheFileDto(String baseUrl, String fetchedAt, List<CachedModelDto> models) {
}
