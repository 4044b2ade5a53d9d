package io.github.t3chat4j.adapter.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;

/**
 * Prompts a user picks in the host: {@code second_opinion} (another model reviews a diff, and the host's
 * model weighs that review against its own) and {@code compare_models} (the same question to several
 * models, then the differences). Each is a user message that tells the host's model how to use the tools.
 */
final class Prompts {

    static final String SECOND_OPINION = "second_opinion";
    static final String COMPARE_MODELS = "compare_models";
    private static final String DEFAULT_REVIEWER = "gpt-5";

    List<SyncPromptSpecification> specifications() {
        Prompt secondOpinion = new Prompt(SECOND_OPINION, "Second opinion on a change",
                "Have another model on t3.chat review a diff (or any change), then weigh its review against yours.",
                List.of(new PromptArgument("diff", "The diff or change to review (e.g. the output of git diff).", true),
                        new PromptArgument("focus", "What to look at most: bugs, security, naming, tests, …", false),
                        new PromptArgument("model", "The reviewer's model id (default " + DEFAULT_REVIEWER
                                + "; list_models lists them).", false)));
        Prompt compare = new Prompt(COMPARE_MODELS, "Compare models",
                "Ask several t3.chat models the same question and compare their answers.",
                List.of(new PromptArgument("question", "The question to ask each model.", true),
                        new PromptArgument("models", "Model ids separated by commas (default: gpt-5,"
                                + " claude-4-sonnet, gemini-2.5-pro).", false)));
        return List.of(
                new SyncPromptSpecification(secondOpinion, (exchange, request) -> secondOpinion(request.arguments())),
                new SyncPromptSpecification(compare, (exchange, request) -> compare(request.arguments())));
    }

    private static GetPromptResult secondOpinion(Map<String, Object> arguments) {
        String diff = required(arguments, "diff");
        String model = optional(arguments, "model", DEFAULT_REVIEWER);
        String focus = optional(arguments, "focus", "correctness, security, edge cases and tests");
        String text = "Get a second opinion on the change below from another model.\n\n"
                + "1. Call the `ask` tool with model `" + model + "` and a prompt that asks for a code review of this"
                + " change, focusing on " + focus + ", and that includes the whole change (the reviewer sees"
                + " nothing else).\n"
                + "2. Review the change yourself as well.\n"
                + "3. Reply with the points both reviews make, the points only one of them makes (say which, and"
                + " whether you agree), and what you would change. If you disagree with the reviewer, call `ask`"
                + " again with the same conversation_id to discuss it.\n\n"
                + "The change:\n\n```diff\n" + diff + "\n```";
        return new GetPromptResult("A second opinion from " + model,
                List.of(new PromptMessage(McpSchema.Role.USER, new TextContent(text))));
    }

    private static GetPromptResult compare(Map<String, Object> arguments) {
        String question = required(arguments, "question");
        String models = optional(arguments, "models", "gpt-5, claude-4-sonnet, gemini-2.5-pro");
        String text = "Ask each of these t3.chat models the question below with the `ask` tool, one call per model:"
                + " " + models + ". Then compare the answers: where they agree, where they differ, which is best"
                + " supported and why. Quote sparingly.\n\nThe question:\n\n" + question;
        return new GetPromptResult("The same question to " + models,
                List.of(new PromptMessage(McpSchema.Role.USER, new TextContent(text))));
    }

    private static String required(Map<String, Object> arguments, String name) {
        Object value = arguments == null ? null : arguments.get(name);
        if (value == null || value.toString().isBlank()) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("The prompt needs '" + name + "'.")
                    .build();
        }
        return value.toString();
    }

    private static String optional(Map<String, Object> arguments, String name, String fallback) {
        Object value = arguments == null ? null : arguments.get(name);
        return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
    }
}
