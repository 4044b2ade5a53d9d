package io.github.t3chat4j.adapter.openai.internal.emulation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer of a turn: its text (what was handed to {@link DeltaListener#onText}, so without call
 * blocks; the checked JSON for structured output), its reasoning, the checked tool calls, why it ended
 * ({@link Finish#TOOL_CALLS} whenever there are calls), and how many upstream replies it took (1, or 2
 * after a correction).
 */
public record TurnResult(String text, String reasoning, List<ToolCall> calls, Finish finish, int attempts) {

    public TurnResult {
        requireNonNull(text, "text == null");
        requireNonNull(reasoning, "reasoning == null");
        calls = List.copyOf(calls);
        requireNonNull(finish, "finish == null");
    }
}
