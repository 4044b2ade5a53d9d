package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.Turn;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responses the gateway made, in memory for its lifetime, so that {@code previous_response_id}
 * can continue one, {@code GET /v1/responses/{id}} can read it and an {@code item_reference} can name
 * one of its output items: each with the conversation that led to it (its answer included) and its
 * JSON. Bounded: beyond {@link #MAX_RESPONSES} responses or {@link #MAX_CHARACTERS} characters the
 * oldest are forgotten (a client continuing one gets a clear
 * 400). Ids are random, so one cannot be guessed. Thread-safe.
 */
final class ResponseStore {

    static final int MAX_RESPONSES = 1_000;
    static final long MAX_CHARACTERS = 64L * 1024 * 1024;

    /** One stored response. */
    record Stored(List<Turn> conversation, ObjectNode response, long characters) {
    }

    private final Map<String, Stored> responses = new LinkedHashMap<>();
    private final Map<String, JsonNode> items = new HashMap<>();
    private long characters;

    synchronized void put(String id, List<Turn> conversation, ObjectNode response) {
        long size = size(conversation) + Exchange.write(response).length();
        remove(id);
        responses.put(id, new Stored(List.copyOf(conversation), response, size));
        response.path("output").forEach(item -> items.put(item.path("id").asText(), item));
        characters += size;
        Iterator<Stored> oldest = responses.values().iterator();
        while ((responses.size() > MAX_RESPONSES || characters > MAX_CHARACTERS) && oldest.hasNext()) {
            Stored evicted = oldest.next();
            characters -= evicted.characters();
            forgetItems(evicted);
            oldest.remove();
        }
    }

    /** An output item of a stored response, by its id. */
    synchronized Optional<JsonNode> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    private void forgetItems(Stored stored) {
        stored.response().path("output").forEach(item -> items.remove(item.path("id").asText()));
    }

    synchronized Optional<Stored> get(String id) {
        return Optional.ofNullable(responses.get(id));
    }

    synchronized boolean remove(String id) {
        Stored removed = responses.remove(id);
        if (removed != null) {
            characters -= removed.characters();
            forgetItems(removed);
        }
        return removed != null;
    }

    private static long size(List<Turn> conversation) {
        long size = 0;
        for (Turn turn : conversation) {
            if (turn instanceof Turn.User user) {
                size += user.text().length();
            } else if (turn instanceof Turn.Assistant assistant) {
                size += assistant.text().length();
                size += assistant.calls().stream().mapToLong(call -> call.arguments().toString().length() + 64).sum();
            } else if (turn instanceof Turn.ToolResult result) {
                size += result.content().length() + 64;
            }
        }
        return size;
    }
}
