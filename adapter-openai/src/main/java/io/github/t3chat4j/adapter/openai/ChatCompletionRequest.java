package io.github.t3chat4j.adapter.openai;

import static io.github.t3chat4j.adapter.openai.ApiErrorException.badRequest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code POST /v1/chat/completions} body, checked: the model, the system prompt (every system and
 * developer message, joined), the user and assistant messages in order, and the options t3.chat has an
 * equivalent for. Parameters without an equivalent ({@code temperature}, {@code max_tokens}, …) are
 * accepted and ignored; ones that would change the answer's shape ({@code n} above 1, tools, image
 * input) are refused with a 400 naming the parameter.
 */
record ChatCompletionRequest(String model, String systemPrompt, List<Message> messages, boolean stream,
        boolean includeUsage, ReasoningEffort reasoningEffort, boolean search) {

    ChatCompletionRequest {
        messages = List.copyOf(messages);
    }

    static ChatCompletionRequest parse(JsonNode body) {
        String model = requiredString(body, "model");
        int n = optionalInt(body, "n", 1);
        if (n != 1) {
            throw badRequest("n", "n must be 1: t3.chat answers with one choice per request (got " + n + ").");
        }
        optionalInt(body, "max_tokens", 1);
        optionalInt(body, "max_completion_tokens", 1);
        JsonNode tools = body.path("tools");
        if (tools.isArray() && !tools.isEmpty() || body.path("functions").isArray() && !body.path("functions").isEmpty()) {
            throw badRequest(tools.isArray() && !tools.isEmpty() ? "tools" : "functions",
                    "Tools and function calling are not supported: t3.chat has no tool calls.");
        }
        boolean stream = optionalBoolean(body, "stream", false);
        boolean includeUsage = optionalBoolean(body.path("stream_options"), "include_usage", false);
        ReasoningEffort effort = reasoningEffort(body.path("reasoning_effort"));
        boolean search = body.path("web_search_options").isObject();
        JsonNode list = body.path("messages");
        if (!list.isArray() || list.isEmpty()) {
            throw badRequest("messages", "messages must be a non-empty array.");
        }
        List<String> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode message = list.get(i);
            String at = "messages[" + i + "]";
            if (!message.isObject()) {
                throw badRequest(at, at + " must be an object.");
            }
            String role = message.path("role").asText("");
            if (message.path("tool_calls").isArray() && !message.path("tool_calls").isEmpty()) {
                throw badRequest(at + ".tool_calls", "Tool calls are not supported: t3.chat has no tool calls.");
            }
            String text = content(message.path("content"), at + ".content");
            switch (role) {
                case "system", "developer" -> system.add(text);
                case "user" -> {
                    if (text.isBlank()) {
                        throw badRequest(at + ".content", at + " is a user message without text.");
                    }
                    messages.add(Message.builder(Role.USER).text(text).build());
                }
                case "assistant" -> messages.add(Message.builder(Role.ASSISTANT).text(text).build());
                case "tool", "function" -> throw badRequest(at + ".role",
                        "Messages with role '" + role + "' are not supported: t3.chat has no tool calls.");
                default -> throw badRequest(at + ".role",
                        at + ".role must be system, developer, user or assistant, got '" + role + "'.");
            }
        }
        if (messages.stream().noneMatch(m -> m.role() == Role.USER)) {
            throw badRequest("messages", "messages must hold at least one user message.");
        }
        String systemPrompt = String.join("\n\n", system.stream().filter(s -> !s.isBlank()).toList());
        return new ChatCompletionRequest(model, systemPrompt, messages, stream, includeUsage, effort, search);
    }

    /** A content string, or the text parts of a content array joined by newlines; null is empty. */
    private static String content(JsonNode content, String at) {
        if (content.isMissingNode() || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw badRequest(at, at + " must be a string or an array of content parts.");
        }
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String type = part.path("type").asText("");
            if (type.equals("text") && part.path("text").isTextual()) {
                parts.add(part.path("text").asText());
            } else if (type.equals("refusal") && part.path("refusal").isTextual()) {
                parts.add(part.path("refusal").asText());
            } else {
                throw badRequest(at + "[" + j + "].type", "Content parts of type '" + type + "' are not supported:"
                        + " the gateway passes text only (no images, audio or files).");
            }
        }
        return String.join("\n", parts);
    }

    private static ReasoningEffort reasoningEffort(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return ReasoningEffort.LOW;
        }
        return switch (value.asText("").toLowerCase(Locale.ROOT)) {
            case "none", "minimal", "low" -> ReasoningEffort.LOW;
            case "medium" -> ReasoningEffort.MEDIUM;
            case "high", "xhigh" -> ReasoningEffort.HIGH;
            default -> throw badRequest("reasoning_effort",
                    "reasoning_effort must be minimal, low, medium or high, got '" + value.asText() + "'.");
        };
    }

    private static String requiredString(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw badRequest(field, field + " is required and must be a string.");
        }
        return value.asText().strip();
    }

    private static int optionalInt(JsonNode body, String field, int fallback) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw badRequest(field, field + " must be a positive integer.");
        }
        return value.asInt();
    }

    private static boolean optionalBoolean(JsonNode body, String field, boolean fallback) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw badRequest(field, field + " must be true or false.");
        }
        return value.asBoolean();
    }
}
