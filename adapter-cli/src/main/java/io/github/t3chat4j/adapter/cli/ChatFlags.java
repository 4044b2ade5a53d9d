package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of a conversation, shared by {@code t3 ask} and {@code t3 chat} as a picocli mixin: the
 * model and system prompt (which also come from the environment and the config file), the reasoning
 * effort and web search.
 */
final class ChatFlags {

    @Option(names = {"-m", "--model"}, paramLabel = "ID",
            description = "Model id (T3_MODEL, default gemini-2.5-flash-lite).")
    String model;

    @Option(names = {"-s", "--system"}, paramLabel = "TEXT", description = "A system prompt (T3_SYSTEM_PROMPT).")
    String system;

    @Option(names = "--reasoning", paramLabel = "LEVEL", description = "Reasoning effort: low, medium or high.")
    String reasoning;

    @Option(names = "--search", description = "Let the model search the web.")
    boolean search;

    /** The options that are also settings, as flags for {@link ConfigResolver#resolve}. */
    Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        flags.put(Settings.MODEL, model);
        flags.put(Settings.SYSTEM_PROMPT, system);
        return flags;
    }

    /** The model: the flag, else the resolved setting, else the default. */
    ModelId model(Settings resolved) {
        return InvalidInputException.whenInvalid(resolved::model);
    }

    /** The resolved chat settings with these options applied. */
    ChatSettings settings(Settings resolved) {
        ChatSettings settings = resolved.chatSettings().withSearch(search);
        if (reasoning != null) {
            settings = settings.withReasoningEffort(InvalidInputException.whenInvalid(
                    () -> ReasoningEffort.parse(reasoning)));
        }
        return settings;
    }
}
