package io.github.t3chat4j.adapter.storage.internal.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One message; {@code status} is {@code complete}, {@code incomplete} or {@code error}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "role", "content", "reasoning", "image", "model", "status", "createdAt"})
public record MessageFileDto(
        String id,
        String role,
        String content,
        String reasoning,
        ImageFileDto image,
        String model,
        String status,
        String createdAt) {
}
