package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageId;
import io.github.t3chat4j.domain.message.MessageStatus;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a user can export from t3.chat's session storage (PROTOCOL.md section 7): the value of
 * {@code ephemeral-chat-data} ({@code {"state":{"threads":[…],"messages":{"<id>":[…]}}}}), the value of
 * a {@code sidebar-thread-list:*} key (an array of threads without messages), or an object mapping
 * storage keys to such values, each value possibly a JSON string as browsers export it. A thread met in
 * several places becomes one conversation. Anything malformed fails the whole parse with the JSON path
 * of the first problem, so nothing is stored from a half-understood file.
 */
final class BrowserHistoryAdapter implements ParseHistoryPort {

    static final String EPHEMERAL_KEY = "ephemeral-chat-data";
    static final String SIDEBAR_KEY_PREFIX = "sidebar-thread-list";
    private static final Set<String> GENERATING = Set.of("generating", "pending", "streaming");

    private final ObjectMapper mapper;

    BrowserHistoryAdapter(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper == null");
    }

    @Override
    public List<Conversation> parseHistory(Path source) {
        requireNonNull(source, "source == null");
        JsonNode root;
        try (InputStream in = Files.newInputStream(source)) {
            root = mapper.readTree(in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("There is no history export at " + source + ".");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + " is not valid JSON: " + e.getOriginalMessage()
                    + location(e) + ".");
        } catch (CharConversionException e) {
            // Jackson guesses UTF-16 or UTF-32 from leading zero bytes and finds no such text: bad content, not I/O.
            throw new InvalidInputException(source + " is not valid JSON: " + e.getMessage() + ".");
        } catch (IOException e) {
            throw new StorageException("Could not read " + source + ": " + IoReasons.of(e) + ".", e);
        }
        Threads threads = new Threads();
        try {
            read(root, threads);
        } catch (Malformed e) {
            throw new InvalidInputException("In " + source + ", " + e.getMessage() + ".");
        }
        return threads.conversations();
    }

    private void read(JsonNode root, Threads threads) throws Malformed {
        if (root == null || root.isMissingNode()) {
            throw new Malformed("the file is empty");
        }
        if (root.isArray()) {
            readSidebar(root, "", threads);
        } else if (root.isObject() && root.has("state")) {
            readEphemeral(root, "", threads);
        } else if (root.isObject()) {
            boolean found = false;
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                String key = entry.getKey();
                if (key.equals(EPHEMERAL_KEY)) {
                    readEphemeral(unwrap(entry.getValue(), key), key + ": ", threads);
                    found = true;
                } else if (key.startsWith(SIDEBAR_KEY_PREFIX)) {
                    readSidebar(unwrap(entry.getValue(), key), key + ": ", threads);
                    found = true;
                }
            }
            if (!found) {
                throw new Malformed("there is no \"state\", no \"" + EPHEMERAL_KEY + "\" key and no \""
                        + SIDEBAR_KEY_PREFIX + ":*\" key: export one of those session-storage values");
            }
        } else {
            throw new Malformed("the top level must be a JSON object or array");
        }
    }

    /** Session-storage values are strings holding JSON; parse them, or take a value that is JSON already. */
    private JsonNode unwrap(JsonNode value, String key) throws Malformed {
        if (!value.isTextual()) {
            return value;
        }
        try {
            return mapper.readTree(value.textValue());
        } catch (JsonProcessingException e) {
            throw new Malformed("the value of \"" + key + "\" is a string that is not valid JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }

    private void readSidebar(JsonNode list, String prefix, Threads threads) throws Malformed {
        if (!list.isArray()) {
            throw new Malformed(label(prefix, "the thread list") + " must be a JSON array");
        }
        for (int i = 0; i < list.size(); i++) {
            readThread(list.get(i), prefix + "[" + i + "]", threads);
        }
    }

    private void readEphemeral(JsonNode root, String prefix, Threads threads) throws Malformed {
        JsonNode state = field(root, "state", prefix + "state");
        object(state, prefix + "state");
        JsonNode list = state.get("threads");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new Malformed(prefix + "state.threads must be a JSON array");
            }
            for (int i = 0; i < list.size(); i++) {
                readThread(list.get(i), prefix + "state.threads[" + i + "]", threads);
            }
        }
        JsonNode messages = state.get("messages");
        if (messages == null || messages.isNull()) {
            return;
        }
        object(messages, prefix + "state.messages");
        for (Map.Entry<String, JsonNode> entry : messages.properties()) {
            String at = prefix + "state.messages." + entry.getKey();
            Draft draft = threads.draft(threadId(entry.getKey(), at));
            JsonNode array = entry.getValue();
            if (!array.isArray()) {
                throw new Malformed(at + " must be a JSON array of messages");
            }
            for (int i = 0; i < array.size(); i++) {
                draft.add(message(array.get(i), at + "[" + i + "]"));
            }
        }
    }

    private void readThread(JsonNode thread, String at, Threads threads) throws Malformed {
        object(thread, at);
        String id = firstText(thread, at, "threadId", "_id");
        if (id == null) {
            throw new Malformed(at + ".threadId is missing");
        }
        Draft draft = threads.draft(threadId(id, at + ".threadId"));
        draft.title(text(thread, "title", at));
        String model = text(thread, "model", at);
        if (model != null) {
            draft.model(model(model, at + ".model"));
        }
        draft.createdAt(firstMillis(thread, at, "createdAt", "_creationTime"));
        draft.updatedAt(millis(thread, "updatedAt", at));
        draft.updatedAt(millis(thread, "lastMessageAt", at));
        String status = text(thread, "generationStatus", at);
        if (status != null && GENERATING.contains(status)) {
            draft.generating();
        }
    }

    private Message message(JsonNode node, String at) throws Malformed {
        object(node, at);
        String id = firstText(node, at, "messageId", "_id", "id");
        if (id == null || id.isBlank()) {
            throw new Malformed(at + ".messageId is missing");
        }
        String roleText = text(node, "role", at);
        if (roleText == null) {
            throw new Malformed(at + ".role is missing");
        }
        Role role;
        try {
            role = Role.parse(roleText);
        } catch (IllegalArgumentException e) {
            throw new Malformed(at + ".role must be \"user\" or \"assistant\", got \"" + roleText + "\"");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        readContent(node, at, text, reasoning);
        Message.Builder message = Message.builder(role).id(MessageId.of(id)).text(text.toString())
                .reasoning(reasoning.toString());
        String model = text(node, "model", at);
        if (model != null) {
            message.model(model(model, at + ".model"));
        }
        Instant createdAt = firstMillis(node, at, "createdAt", "_creationTime");
        if (createdAt != null) {
            message.createdAt(createdAt);
        } else {
            message.createdAt(Instant.EPOCH); // replaced by the thread's time in Draft.toConversation
        }
        JsonNode error = node.get("serverError");
        if (error != null && !error.isNull()) {
            String explanation = error.isTextual() ? error.textValue()
                    : error.path("message").isTextual() ? error.path("message").textValue() : error.toString();
            message.status(MessageStatus.ERROR);
            if (text.length() == 0) {
                message.text(explanation);
            }
        }
        return message.build();
    }

    /** {@code parts:[{type?, text}]} (reasoning parts apart) or a plain {@code content} string. */
    private static void readContent(JsonNode node, String at, StringBuilder text, StringBuilder reasoning)
            throws Malformed {
        JsonNode parts = node.get("parts");
        if (parts != null && !parts.isNull()) {
            if (!parts.isArray()) {
                throw new Malformed(at + ".parts must be a JSON array");
            }
            for (int i = 0; i < parts.size(); i++) {
                JsonNode part = parts.get(i);
                String partAt = at + ".parts[" + i + "]";
                object(part, partAt);
                String type = text(part, "type", partAt);
                if ("reasoning".equals(type)) {
                    String value = firstText(part, partAt, "text", "reasoning");
                    reasoning.append(value == null ? "" : value);
                } else {
                    String value = text(part, "text", partAt);
                    text.append(value == null ? "" : value);
                }
            }
            return;
        }
        String content = text(node, "content", at);
        text.append(content == null ? "" : content);
    }

    private static ThreadId threadId(String id, String at) throws Malformed {
        if (!FileConversationAdapter.isStorable(id)) {
            throw new Malformed(at + " \"" + id + "\" is not a usable thread id (letters, digits, '_', '.', '-')");
        }
        return ThreadId.of(id);
    }

    private static ModelId model(String value, String at) throws Malformed {
        try {
            return ModelId.of(value);
        } catch (IllegalArgumentException e) {
            throw new Malformed(at + " \"" + value + "\" is not a model id");
        }
    }

    private static JsonNode field(JsonNode node, String name, String at) throws Malformed {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new Malformed(at + " is missing");
        }
        return value;
    }

    private static void object(JsonNode node, String at) throws Malformed {
        if (node == null || !node.isObject()) {
            throw new Malformed(at + " must be a JSON object");
        }
    }

    /** The string at {@code name}, or null when absent; anything but a string is malformed. */
    private static String text(JsonNode node, String name, String at) throws Malformed {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Malformed(at + "." + name + " must be a string");
        }
        return value.textValue();
    }

    private static String firstText(JsonNode node, String at, String... names) throws Malformed {
        for (String name : names) {
            String value = text(node, name, at);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Epoch milliseconds (Convex's {@code _creationTime} has a fraction), or null when absent. */
    private static Instant millis(JsonNode node, String name, String at) throws Malformed {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new Malformed(at + "." + name + " must be epoch milliseconds (a number), got " + value);
        }
        return Instant.ofEpochMilli((long) value.doubleValue());
    }

    private static Instant firstMillis(JsonNode node, String at, String... names) throws Malformed {
        for (String name : names) {
            Instant value = millis(node, name, at);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String label(String prefix, String what) {
        return prefix.isEmpty() ? what : prefix.substring(0, prefix.length() - 2);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    /** What the export says about one thread, gathered from every place that mentions it. */
    private static final class Draft {
        private final ThreadId id;
        private String title = "";
        private ModelId model;
        private Instant createdAt;
        private Instant updatedAt;
        private boolean generating;
        private final List<Message> messages = new ArrayList<>();
        private final Set<MessageId> messageIds = new HashSet<>();

        Draft(ThreadId id) {
            this.id = id;
        }

        void title(String value) {
            if (title.isEmpty() && value != null) {
                title = value.strip();
            }
        }

        void model(ModelId value) {
            if (model == null) {
                model = value;
            }
        }

        void createdAt(Instant value) {
            if (createdAt == null) {
                createdAt = value;
            }
        }

        void updatedAt(Instant value) {
            if (value != null && (updatedAt == null || value.isAfter(updatedAt))) {
                updatedAt = value;
            }
        }

        void generating() {
            generating = true;
        }

        void add(Message message) {
            if (messageIds.add(message.id())) {
                messages.add(message);
            }
        }

        Conversation toConversation() {
            Instant start = createdAt != null ? createdAt
                    : messages.stream().map(Message::createdAt).filter(t -> !t.equals(Instant.EPOCH))
                            .min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
            List<Message> ordered = new ArrayList<>();
            Instant previous = start;
            for (Message m : messages) {
                // A message without a time takes the time of the one before it, so order is kept.
                Message timed = m.createdAt().equals(Instant.EPOCH) ? m.toBuilder().createdAt(previous).build() : m;
                ordered.add(timed);
                previous = timed.createdAt();
            }
            ordered.sort(Comparator.comparing(Message::createdAt));
            if (generating && !ordered.isEmpty()) {
                int last = ordered.size() - 1;
                Message m = ordered.get(last);
                if (m.role() == Role.ASSISTANT && m.status() == MessageStatus.COMPLETE) {
                    ordered.set(last, m.toBuilder().status(MessageStatus.INCOMPLETE).build());
                }
            }
            Instant end = updatedAt;
            for (Message m : ordered) {
                end = end == null || m.createdAt().isAfter(end) ? m.createdAt() : end;
            }
            ModelId chosen = model;
            for (int i = ordered.size() - 1; chosen == null && i >= 0; i--) {
                chosen = ordered.get(i).model().orElse(null);
            }
            String name = title;
            if (name.isEmpty()) {
                name = ordered.stream().filter(m -> m.role() == Role.USER).findFirst()
                        .map(m -> Conversation.titleFrom(m.text())).orElse("");
            }
            return Conversation.builder(id).title(name).model(chosen == null ? ModelId.DEFAULT : chosen).settings(ChatSettings.defaults()).messages(ordered).createdAt(start).updatedAt(end == null ? start : end).build();
        }
    }

    /** Every thread of the export, in the order first met. */
    private static final class Threads {
        private final Map<ThreadId, Draft> drafts = new LinkedHashMap<>();

        Draft draft(ThreadId id) {
            return drafts.computeIfAbsent(id, Draft::new);
        }

        List<Conversation> conversations() {
            List<Conversation> result = new ArrayList<>();
            drafts.values().forEach(d -> result.add(d.toConversation()));
            return result;
        }
    }

    /** A problem with the export's shape; its message is the JSON path and what is wrong there. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
