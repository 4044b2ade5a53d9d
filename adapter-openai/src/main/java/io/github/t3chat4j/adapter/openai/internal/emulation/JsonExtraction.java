package io.github.t3chat4j.adapter.openai.internal.emulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON answer in a model's reply: the whole reply when it is JSON; else the content of its
 * first code fence when that is JSON (models like to write {@code ```json}); else the first balanced
 * {@code {…}} or {@code […]} in it (strings followed, so braces inside them do not count) when that is
 * JSON. Text around it is dropped.
 */
public final class JsonExtraction {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern FENCED = Pattern.compile("(?s)(`{3,}|~{3,})[^\\n]*\\n(.*?)\\n\\s*\\1");

    private JsonExtraction() {
    }

    /** The JSON value found, as a tree. */
    public static Optional<JsonNode> extract(String reply) {
        String text = reply.strip();
        Optional<JsonNode> whole = parse(text);
        if (whole.isPresent()) {
            return whole;
        }
        Matcher fenced = FENCED.matcher(text);
        if (fenced.find()) {
            Optional<JsonNode> inFence = parse(fenced.group(2));
            if (inFence.isPresent()) {
                return inFence;
            }
        }
        for (int start = 0; start < text.length(); start++) {
            char c = text.charAt(start);
            if (c == '{' || c == '[') {
                int end = balancedEnd(text, start);
                if (end > 0) {
                    Optional<JsonNode> found = parse(text.substring(start, end));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The index after the bracket closing the one at {@code start}, or -1 when it never closes. */
    private static int balancedEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (inString) {
                if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static Optional<JsonNode> parse(String text) {
        String candidate = text.strip();
        if (candidate.isEmpty() || !(candidate.startsWith("{") || candidate.startsWith("["))) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(candidate));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
