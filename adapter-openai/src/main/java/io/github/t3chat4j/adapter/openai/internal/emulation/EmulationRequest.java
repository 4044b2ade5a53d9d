package io.github.t3chat4j.adapter.openai.internal.emulation;

import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationException.Subject;
import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One turn to answer, in no wire format: the client's instructions (its system text), the conversation
 * so far, the tools offered, the tool choice, whether several calls may come in one reply, and the
 * answer's format. Refused with an {@link EmulationException} (bad request): two tools sharing a name,
 * a choice naming a tool not offered, a required call with no tool offered, a conversation that does
 * not end with the user's words or a tool's result.
 */
public record EmulationRequest(String instructions, List<Turn> turns, List<ToolDefinition> tools, ToolChoice choice,
        boolean parallelCalls, OutputFormat format) {

    /** The most tools one request may offer. */
    public static final int MAX_TOOLS = 256;

    public EmulationRequest {
        instructions = instructions == null ? "" : instructions;
        turns = List.copyOf(turns);
        tools = List.copyOf(tools);
        requireNonNull(choice, "choice == null");
        requireNonNull(format, "format == null");
        if (tools.size() > MAX_TOOLS) {
            throw EmulationException.badRequest(Subject.TOOLS,
                    "At most " + MAX_TOOLS + " tools can be offered, got " + tools.size()
                    + ".");
        }
        Set<String> names = new HashSet<>();
        for (ToolDefinition tool : tools) {
            if (!names.add(tool.name())) {
                throw EmulationException.badRequest(Subject.TOOLS,
                    "Two tools are named '" + tool.name() + "'.");
            }
        }
        if (choice instanceof ToolChoice.Named named && !names.contains(named.name())) {
            throw EmulationException.badRequest(Subject.TOOL_CHOICE,
                    "The tool choice names '" + ToolDefinition.shown(named.name())
                    + "', which is not among the tools offered.");
        }
        if (choice instanceof ToolChoice.Required && tools.isEmpty()) {
            throw EmulationException.badRequest(Subject.TOOL_CHOICE,
                    "A tool call is required, but no tool is offered.");
        }
        if (turns.isEmpty()) {
            throw EmulationException.badRequest(Subject.TURNS,
                    "The conversation is empty.");
        }
        if (turns.get(turns.size() - 1) instanceof Turn.Assistant) {
            throw EmulationException.badRequest(Subject.TURNS,
                    "The conversation must end with the user's words or a tool's result,"
                    + " not with the assistant's (t3.chat cannot continue an assistant message).");
        }
    }

    /** A plain chat turn: no tools, free text. */
    public static EmulationRequest chat(String instructions, List<Turn> turns) {
        return new EmulationRequest(instructions, turns, List.of(), ToolChoice.AUTO, true, OutputFormat.TEXT);
    }

    /** Whether the model is shown tools it may call in this turn. */
    public boolean toolsOffered() {
        return !tools.isEmpty() && !(choice instanceof ToolChoice.None);
    }

    /** Whether earlier turns hold tool calls or results. */
    public boolean hasToolHistory() {
        return turns.stream().anyMatch(turn -> turn instanceof Turn.ToolResult
                || turn instanceof Turn.Assistant assistant && !assistant.calls().isEmpty());
    }
}
