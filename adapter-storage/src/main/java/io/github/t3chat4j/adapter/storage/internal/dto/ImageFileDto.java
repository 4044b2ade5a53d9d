package io.github.t3chat4j.adapter.storage.internal.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An image reference. {@code base64Data} is present only for small images or when it is the only copy
 * (no URL and no local file), so documents stay small.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "mediaType", "localPath", "base64Data"})
public record ImageFileDto(String url, String mediaType, String localPath, String base64Data) {
}
