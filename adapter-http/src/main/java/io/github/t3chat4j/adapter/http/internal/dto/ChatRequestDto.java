package io.github.t3chat4j.adapter.http.internal.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of {@code POST /api/chat}, field for field as PROTOCOL.md section 3 lists it (the server has
 * been seen to reject bodies that lack fields the browser sends, so every one is here).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"messages", "threadMetadata", "clientAuth", "responseMessageId", "model", "convexSessionId",
        "modelParams", "preferences", "userConfiguration", "userInfo", "isEphemeral", "hcaptchaToken"})
public record ChatRequestDto(
        List<MessageDto> messages,
        ThreadMetadataDto threadMetadata,
        ClientAuthDto clientAuth,
        String responseMessageId,
        String model,
        String convexSessionId,
        ModelParamsDto modelParams,
        PreferencesDto preferences,
        UserConfigurationDto userConfiguration,
        UserInfoDto userInfo,
        @JsonProperty("isEphemeral") boolean isEphemeral,
        String hcaptchaToken) {

    /** One message of the history; {@code attachments} is always empty. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"id", "parts", "role", "attachments"})
    public record MessageDto(String id, List<PartDto> parts, String role, List<Object> attachments) {
    }

    /** A message part: {@code {"type":"text","text":…}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"type", "text"})
    public record PartDto(String type, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"id", "title"})
    public record ThreadMetadataDto(String id, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClientAuthDto(@JsonProperty("isSignedIn") boolean isSignedIn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"reasoningEffort", "includeSearch", "searchLimit"})
    public record ModelParamsDto(String reasoningEffort, boolean includeSearch, int searchLimit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"name", "occupation", "selectedTraits", "additionalInfo"})
    public record PreferencesDto(String name, String occupation, List<String> selectedTraits, String additionalInfo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"codeFont", "currentModelParameters", "currentlySelectedModel", "favoriteModels",
            "hasMigrated", "mainFont", "streamerMode", "theme"})
    public record UserConfigurationDto(
            String codeFont,
            CurrentModelParametersDto currentModelParameters,
            String currentlySelectedModel,
            List<String> favoriteModels,
            boolean hasMigrated,
            String mainFont,
            boolean streamerMode,
            String theme) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"includeSearch", "reasoningEffort"})
    public record CurrentModelParametersDto(boolean includeSearch, String reasoningEffort) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"timezone", "locale"})
    public record UserInfoDto(String timezone, String locale) {
    }
}
