package io.github.t3chat4j.adapter.openai.internal.emulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link EmulationRequest} as the text t3.chat accepts: the tools (name, description,
 * parameters schema) and the answer format go into the system text as instructions; an assistant turn's
 * calls become {@code <tool_call>{"name":…,"arguments":{…}}</tool_call>} blocks after its text, exactly
 * as the model is asked to write them; a tool's result becomes a user message holding
 * {@code <tool_result name="…" id="…">…</tool_result>}. Consecutive user texts (several results, or
 * results and the user's next words) are joined into one message, so the messages alternate.
 */
public final class PromptRenderer {

    static final ObjectMapper JSON = new ObjectMapper();

    private PromptRenderer() {
    }

    /** The prompt of the first attempt. */
    public static Prompt render(EmulationRequest request) {
        return new Prompt(system(request), messages(request));
    }

    static String system(EmulationRequest request) {
        List<String> parts = new ArrayList<>();
        if (!request.instructions().isBlank()) {
            parts.add(request.instructions().strip());
        }
        if (request.toolsOffered()) {
            parts.add(toolRules(request));
        } else if (request.hasToolHistory()) {
            parts.add("Earlier in this conversation you called tools; their calls are written as <tool_call> blocks"
                    + " and their results as <tool_result> blocks. No tool can be called now: answer in text.");
        }
        if (!(request.format() instanceof OutputFormat.Text)) {
            parts.add(formatRules(request));
        }
        return String.join("\n\n", parts);
    }

    private static String toolRules(EmulationRequest request) {
        StringBuilder rules = new StringBuilder();
        rules.append("# Tools\n\n")
                .append("You can call the tools listed below. To call one, write a block of exactly this form, with")
                .append(" the arguments as a JSON object that matches the tool's parameters schema:\n\n")
                .append("<tool_call>{\"name\": \"<tool name>\", \"arguments\": {<arguments>}}</tool_call>\n\n")
                .append("Rules:\n")
                .append(request.parallelCalls()
                        ? "- One block per call. You may call several tools at once: write one block after the other.\n"
                        : "- Call at most one tool per reply: write a single block.\n")
                .append("- After your last block, stop writing. The results come back to you in the next message as")
                .append(" <tool_result name=\"…\" id=\"…\">…</tool_result> blocks; then continue.\n")
                .append("- Never put a block inside a code fence or inline code, and never write a block you do not")
                .append(" mean as a call: every <tool_call> block outside code is run.\n")
                .append("- Call only the tools listed here, with every required argument.\n");
        if (request.choice() instanceof ToolChoice.Required) {
            rules.append("- In this reply you must call at least one tool.\n");
        } else if (request.choice() instanceof ToolChoice.Named named) {
            rules.append("- In this reply you must call the tool \"").append(named.name()).append("\".\n");
        } else {
            rules.append("- Call a tool only when it helps to answer; otherwise answer in plain text.\n");
        }
        ArrayNode tools = JSON.createArrayNode();
        for (ToolDefinition tool : request.tools()) {
            ObjectNode entry = tools.addObject().put("name", tool.name());
            if (!tool.description().isBlank()) {
                entry.put("description", tool.description());
            }
            entry.set("parameters", tool.parameters());
        }
        rules.append("\nThe tools (JSON):\n").append(write(tools));
        return rules.toString();
    }

    private static String formatRules(EmulationRequest request) {
        String when = request.toolsOffered() ? "When you answer without calling a tool, your answer" : "Your answer";
        StringBuilder rules = new StringBuilder("# Answer format\n\n").append(when);
        if (request.format() instanceof OutputFormat.JsonSchema schema) {
            rules.append(" must be one JSON value that matches the JSON Schema below, and nothing else: no text")
                    .append(" before or after it, no code fence.");
            if (!schema.name().isBlank()) {
                rules.append(" The schema is named \"").append(schema.name()).append("\".");
            }
            if (!schema.description().isBlank()) {
                rules.append(" ").append(schema.description().strip());
            }
            rules.append("\n\nThe schema (JSON):\n").append(write(schema.schema()));
        } else {
            rules.append(" must be one JSON object, and nothing else: no text before or after it, no code fence.");
        }
        return rules.toString();
    }

    static List<Prompt.Message> messages(EmulationRequest request) {
        Map<String, String> namesById = new HashMap<>();
        List<Prompt.Message> messages = new ArrayList<>();
        for (Turn turn : request.turns()) {
            if (turn instanceof Turn.User user) {
                add(messages, Prompt.Speaker.USER, user.text());
            } else if (turn instanceof Turn.Assistant assistant) {
                assistant.calls().forEach(call -> namesById.put(call.id(), call.name()));
                add(messages, Prompt.Speaker.ASSISTANT, assistantText(assistant));
            } else if (turn instanceof Turn.ToolResult result) {
                add(messages, Prompt.Speaker.USER, resultText(result,
                        result.name() != null ? result.name() : namesById.getOrDefault(result.callId(), "")));
            }
        }
        return messages;
    }

    /** Appends {@code text}, joined to the last message when the same speaker said it; blank text is left out. */
    private static void add(List<Prompt.Message> messages, Prompt.Speaker speaker, String text) {
        if (text.isBlank()) {
            return;
        }
        int last = messages.size() - 1;
        if (last >= 0 && messages.get(last).speaker() == speaker) {
            messages.set(last, new Prompt.Message(speaker, messages.get(last).text() + "\n\n" + text));
        } else {
            messages.add(new Prompt.Message(speaker, text));
        }
    }

    static String assistantText(Turn.Assistant turn) {
        StringBuilder text = new StringBuilder(turn.text().strip());
        for (ToolCall call : turn.calls()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(callBlock(call.name(), call.arguments()));
        }
        return text.toString();
    }

    /** A call as the model is asked to write it. */
    static String callBlock(String name, JsonNode arguments) {
        ObjectNode call = JSON.createObjectNode().put("name", name);
        call.set("arguments", arguments);
        return ReplyParser.OPEN + write(call) + ReplyParser.CLOSE;
    }

    static String resultText(Turn.ToolResult result, String name) {
        return "<tool_result name=\"" + attribute(name) + "\" id=\"" + attribute(result.callId()) + "\""
                + (result.error() ? " error=\"true\"" : "") + ">\n" + result.content() + "\n</tool_result>";
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree failed to serialise", e);
        }
    }
}
