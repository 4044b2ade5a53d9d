package io.github.t3chat4j.adapter.storage.internal.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The chat settings last used in a conversation. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"reasoningEffort", "search", "systemPrompt", "timezone", "locale"})
public record SettingsFileDto(
        String reasoningEffort, Boolean search, String systemPrompt, String timezone, String locale) {
}
