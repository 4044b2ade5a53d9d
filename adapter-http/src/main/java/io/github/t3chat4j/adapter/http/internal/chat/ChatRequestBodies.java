package io.github.t3chat4j.adapter.http.internal.chat;

import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto;
import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto.ClientAuthDto;
import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto.CurrentModelParametersDto;
import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto.MessageDto;
import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto.ModelParamsDto;
import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto.PartDto;
import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto.PreferencesDto;
import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto.ThreadMetadataDto;
import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto.UserConfigurationDto;
import io.github.t3chat4j.adapter.http.internal.dto.ChatRequestDto.UserInfoDto;
import io.github.t3chat4j.application.ChatRequest;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.message.Message;
import java.util.List;

/** Builds the {@code POST /api/chat} body from a {@link ChatRequest} (PROTOCOL.md section 3). */
final class ChatRequestBodies {

    static final int SEARCH_LIMIT = 1;

    private ChatRequestBodies() {
    }

    static ChatRequestDto of(ChatRequest request) {
        return of(request, "");
    }

    /** With {@code hcaptchaToken} as the body's captcha token (empty when there is none, as the site sends). */
    static ChatRequestDto of(ChatRequest request, String hcaptchaToken) {
        ChatSettings settings = request.settings();
        String effort = settings.reasoningEffort().wireValue();
        String model = request.model().value();
        return new ChatRequestDto(
                request.messages().stream().map(ChatRequestBodies::message).toList(),
                new ThreadMetadataDto(request.threadId().value(), ""),
                new ClientAuthDto(true),
                request.responseMessageId().value(),
                model,
                request.session().convexSessionId().value(),
                new ModelParamsDto(effort, settings.search(), SEARCH_LIMIT),
                new PreferencesDto("", "", List.of(), settings.systemPrompt()),
                new UserConfigurationDto("berkeley", new CurrentModelParametersDto(settings.search(), effort), model,
                        List.of(), true, "proxima", false, "dark"),
                new UserInfoDto(settings.timezone(), settings.locale()),
                false,
                hcaptchaToken);
    }

    private static MessageDto message(Message message) {
        return new MessageDto(message.id().value(), List.of(new PartDto("text", message.text())),
                message.role().wireValue(), List.of());
    }
}
