package io.github.t3chat4j.adapter.http.internal.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item of a data-stream {@code 2:[…]} array; an image arrives as {@code type = "image-gen"} with
 * {@code content} holding the URL as a JSON-encoded string. Fields may be null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataStreamItemDto(String type, JsonNode content, JsonNode url) {
}
