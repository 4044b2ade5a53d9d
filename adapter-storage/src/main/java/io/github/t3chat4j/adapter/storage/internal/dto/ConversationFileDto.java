package io.github.t3chat4j.adapter.storage.internal.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One stored conversation: the whole {@code <threadId>.json} document. Times are ISO-8601 instants. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "threadId", "title", "model", "settings", "createdAt", "updatedAt", "messages"})
public record ConversationFileDto(
        Integer schemaVersion,
        String threadId,
        String title,
        String model,
        SettingsFileDto settings,
        String createdAt,
        String updatedAt,
        List<MessageFileDto> messages) {
}
