package io.github.t3chat4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/** What the fake server checks in a chat body (PROTOCOL.md section 3) before answering. */
final class ChatRequestRules {

    private ChatRequestRules() {
    }

    /** A sentence naming the first problem, or null when the body is acceptable. */
    static String problemWith(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "The body is not a JSON object.";
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return "'messages' must be a non-empty array.";
        }
        for (JsonNode m : messages) {
            if (!m.path("id").isTextual() || !m.path("parts").isArray()) {
                return "Each message needs an 'id' and 'parts'.";
            }
            String role = m.path("role").asText("");
            if (!role.equals("user") && !role.equals("assistant")) {
                return "A message role must be 'user' or 'assistant'.";
            }
        }
        for (String field : new String[] {"model", "convexSessionId", "responseMessageId"}) {
            if (!body.path(field).isTextual() || body.path(field).asText().isBlank()) {
                return "'" + field + "' must be a non-empty string.";
            }
        }
        if (!body.path("threadMetadata").path("id").isTextual()) {
            return "'threadMetadata.id' is missing.";
        }
        for (String field : new String[] {"modelParams", "preferences", "userConfiguration", "userInfo", "clientAuth"}) {
            if (!body.path(field).isObject()) {
                return "'" + field + "' must be an object.";
            }
        }
        return null;
    }
}
