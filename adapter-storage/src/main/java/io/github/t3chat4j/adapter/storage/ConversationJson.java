package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.t3chat4j.adapter.storage.internal.dto.ConversationFileDto;
import io.github.t3chat4j.adapter.storage.internal.dto.ImageFileDto;
import io.github.t3chat4j.adapter.storage.internal.dto.MessageFileDto;
import io.github.t3chat4j.adapter.storage.internal.dto.SettingsFileDto;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.message.MessageStatus;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conversation file format, {@code schemaVersion} {@value #SCHEMA_VERSION}: maps a {@link Conversation}
 * to its JSON document and back, checking every field on the way in so that a damaged file gives a
 * reason ("messages[3].role is missing") instead of a half-built conversation.
 */
final class ConversationJson {

    static final int SCHEMA_VERSION = 1;
    /** Base64 image copies up to this many characters (about 192 KB of image) stay in the document. */
    static final int MAX_INLINE_BASE64 = 256 * 1024;
    private static final int MAX_REASON = 200;

    private final ObjectMapper mapper;

    ConversationJson(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper == null");
    }

    /**
     * One mapper for every set of storage adapters in this JVM: it is thread-safe once made, and keeps what
     * it learnt of the file classes (a process that makes adapters per run, as the warm process does, would
     * otherwise learn it again each time).
     */
    static ObjectMapper sharedMapper() {
        return Shared.MAPPER;
    }

    private static final class Shared {
        static final ObjectMapper MAPPER = newMapper();
    }

    /**
     * The mapper this adapter uses: indented output, unknown properties ignored, and texts read back up to
     * {@link Reply#MAX_BYTES} characters (Jackson's default stops at 20 million), so that whatever reply
     * was taken in and saved loads again.
     */
    static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength((int) Reply.MAX_BYTES).build()).build();
        return new ObjectMapper(factory)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Writes the document of {@code conversation} to {@code out}, and closes it. */
    void write(Conversation conversation, OutputStream out) throws IOException {
        mapper.writeValue(out, toDto(conversation));
    }

    String toJson(Conversation conversation) {
        try {
            return mapper.writeValueAsString(toDto(conversation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A conversation could not be written as JSON.", e);
        }
    }

    Conversation read(byte[] bytes) throws UnreadableFileException {
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (IOException e) {
            throw UnreadableFileException.corrupt("it is not valid JSON (" + describe(e) + ")");
        }
        if (tree == null || tree.isMissingNode()) {
            throw UnreadableFileException.corrupt("it is empty");
        }
        if (!tree.isObject()) {
            throw UnreadableFileException.corrupt("it is not a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isIntegralNumber()) {
            throw UnreadableFileException.corrupt("it has no schemaVersion");
        }
        if (version.intValue() > SCHEMA_VERSION) {
            throw UnreadableFileException.newerSchema(version.intValue(), SCHEMA_VERSION);
        }
        if (version.intValue() < 1) {
            throw UnreadableFileException.corrupt("its schemaVersion " + version.intValue() + " is unknown");
        }
        ConversationFileDto dto;
        try {
            dto = mapper.treeToValue(tree, ConversationFileDto.class);
        } catch (IOException e) {
            throw UnreadableFileException.corrupt("it does not match the conversation format (" + describe(e) + ")");
        }
        return toDomain(dto);
    }

    private static ConversationFileDto toDto(Conversation c) {
        ChatSettings s = c.settings();
        SettingsFileDto settings = new SettingsFileDto(s.reasoningEffort().wireValue(), s.search(), s.systemPrompt(),
                s.timezone(), s.locale());
        List<MessageFileDto> messages = new ArrayList<>();
        for (Message m : c.messages()) {
            messages.add(new MessageFileDto(m.id().value(), m.role().wireValue(), m.text(),
                    m.reasoning().isEmpty() ? null : m.reasoning(), m.image().map(ConversationJson::toDto).orElse(null),
                    m.model().map(ModelId::value).orElse(null), m.status().name().toLowerCase(Locale.ROOT),
                    m.createdAt().toString()));
        }
        return new ConversationFileDto(SCHEMA_VERSION, c.threadId().value(), c.title(), c.model().value(), settings,
                c.createdAt().toString(), c.updatedAt().toString(), messages);
    }

    private static ImageFileDto toDto(ImageContent image) {
        String url = image.url().orElse(null);
        String localPath = image.localPath().orElse(null);
        String data = image.base64Data().orElse(null);
        boolean onlyCopy = url == null && localPath == null;
        boolean keepData = data != null && (onlyCopy || data.length() <= MAX_INLINE_BASE64);
        return new ImageFileDto(url, image.mediaType().orElse(null), localPath, keepData ? data : null);
    }

    private static Conversation toDomain(ConversationFileDto dto) throws UnreadableFileException {
        ThreadId threadId = domain("threadId", () -> ThreadId.of(required(dto.threadId(), "threadId")));
        ModelId model = domain("model", () -> ModelId.of(required(dto.model(), "model")));
        ChatSettings settings = settings(need(dto.settings(), "settings"));
        List<MessageFileDto> dtos = need(dto.messages(), "messages");
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < dtos.size(); i++) {
            String at = "messages[" + i + "]";
            messages.add(message(need(dtos.get(i), at), at));
        }
        return Conversation.builder(threadId).title(dto.title() == null ? "" : dto.title()).model(model).settings(settings).messages(messages).createdAt(instant(dto.createdAt(), "createdAt")).updatedAt(instant(dto.updatedAt(), "updatedAt")).build();
    }

    private static ChatSettings settings(SettingsFileDto s) throws UnreadableFileException {
        return domain("settings", () -> ChatSettings.defaults().withReasoningEffort(ReasoningEffort.parse(required(s.reasoningEffort(), "settings.reasoningEffort"))).withSearch(Boolean.TRUE.equals(s.search())).withSystemPrompt(s.systemPrompt() == null ? "" : s.systemPrompt()).withTimezone(required(s.timezone(), "settings.timezone")).withLocale(required(s.locale(), "settings.locale")));
    }

    private static Message message(MessageFileDto m, String at) throws UnreadableFileException {
        Instant createdAt = instant(m.createdAt(), at + ".createdAt");
        MessageStatus status = status(need(m.status(), at + ".status"), at + ".status");
        ImageFileDto image = m.image();
        return domain(at, () -> Message.builder(Role.parse(required(m.role(), at + ".role")))
                .id(MessageId.of(required(m.id(), at + ".id")))
                .text(m.content() == null ? "" : m.content())
                .reasoning(m.reasoning() == null ? "" : m.reasoning())
                .image(image == null ? null
                        : ImageContent.restore(image.url(), image.base64Data(), image.mediaType(), image.localPath()))
                .model(m.model() == null ? null : ModelId.of(m.model()))
                .status(status)
                .createdAt(createdAt)
                .build());
    }

    private static MessageStatus status(String text, String field) throws UnreadableFileException {
        for (MessageStatus status : MessageStatus.values()) {
            if (status.name().equalsIgnoreCase(text)) {
                return status;
            }
        }
        throw UnreadableFileException.corrupt(field + " must be complete, incomplete or error, got '" + text + "'");
    }

    private static Instant instant(String text, String field) throws UnreadableFileException {
        try {
            return Instant.parse(need(text, field));
        } catch (DateTimeParseException e) {
            throw UnreadableFileException.corrupt(field + " is not an ISO-8601 instant: '" + text + "'");
        }
    }

    private static <T> T need(T value, String field) throws UnreadableFileException {
        if (value == null) {
            throw UnreadableFileException.corrupt(field + " is missing");
        }
        return value;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MissingField(field + " is missing");
        }
        return value;
    }

    /** Runs a domain constructor and turns its complaint into a reason that names the field. */
    private static <T> T domain(String field, Build<T> build) throws UnreadableFileException {
        try {
            return build.get();
        } catch (MissingField e) {
            throw UnreadableFileException.corrupt(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw UnreadableFileException.corrupt(field + " is invalid: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Build<T> {
        T get();
    }

    /** Signals a missing field from inside a domain-building lambda; always turned into an {@link UnreadableFileException}. */
    private static final class MissingField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingField(String message) {
            super(message, null, false, false);
        }
    }

    private static String describe(IOException e) {
        String message = e instanceof JsonProcessingException
                ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
        String reason = message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "…";
        }
        if (e instanceof JsonProcessingException) {
            JsonLocation where = ((JsonProcessingException) e).getLocation();
            if (where != null && where.getLineNr() > 0) {
                reason += " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            }
        }
        return reason;
    }
}
